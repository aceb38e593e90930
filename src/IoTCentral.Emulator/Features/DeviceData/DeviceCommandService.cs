using System.Text.Json.Nodes;
using IoTCentral.Emulator.Features.DeviceData.Simulation;
using IoTCentral.Emulator.Features.DeviceTemplates;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;
using Microsoft.AspNetCore.Http;

namespace IoTCentral.Emulator.Features.DeviceData;

/// <summary>
/// Devices_RunCommand and _GetCommandHistory at every level. A simulated device answers at once with a response
/// generated from the command's response schema; a non-simulated device answers only with a response registered
/// through the device-facing feed, else the call times out after the connection timeout (408, as the service does).
/// </summary>
internal sealed class DeviceCommandService(DeviceModels models, DeviceDataStore store, EmulatorSettings settings)
{
    public async Task<JsonObject> RunAsync(string deviceId, DeviceLevel level, string commandName, JsonObject body, CancellationToken cancellationToken)
    {
        var timeouts = CommandTimeouts.Read(body);
        var request = body["request"]?.DeepClone();
        var (device, model) = models.Resolve(deviceId);
        var command = Find(model, level, commandName);
        if (command.Request is { } requestSchema && request is not null
            && DtdlValueValidator.Problem(requestSchema, request, "request") is { } problem)
        {
            throw ApiException.BadRequest(problem, ErrorCodes.InvalidRequestBody);
        }

        var id = Guid.NewGuid().ToString();
        var key = new PropertyKey(level, commandName);
        var answer = device.Simulated
            ? new CommandHandler(StatusCodes.Status200OK, command.Response is { } responseSchema
                ? SimulatedValue.Generate(responseSchema, SimulatedDevice.CommandSeed(deviceId, level, commandName, id), 0,
                    settings.Clock.GetUtcNow(), TelemetrySimulator.Hints(command))
                : null)
            : store.Use(deviceId, entry => entry.CommandHandlers.GetValueOrDefault(key));
        if (answer is null)
        {
            await Task.Delay(TimeSpan.FromSeconds(timeouts.Connection), settings.Clock, cancellationToken);
            throw new ApiException(StatusCodes.Status408RequestTimeout, ErrorCodes.RequestTimeout,
                $"Request timeout waiting for the device '{deviceId}' to return the request: it is not connected " +
                $"(waited the connectionTimeout of {timeouts.Connection} s). In the emulator only simulated devices, and devices with a " +
                "command response registered through the device-facing feed, answer commands.");
        }

        var execution = store.Use(deviceId, entry => entry.AddCommand(sequence => new CommandExecution(
            sequence, level, commandName, id, timeouts.Connection, timeouts.Response, request, answer.Response?.DeepClone(), answer.ResponseCode)));
        return execution.ToResponse();
    }

    /// <summary>The level's executions of the command, newest first, as a page of <c>DeviceCommandCollection</c>.</summary>
    /// <summary>Whether the device would answer the command now: simulated, or with a response registered through the feed.</summary>
    public bool CanAnswer(DeviceRecord device, DeviceLevel level, string commandName) =>
        device.Simulated || store.Use(device.Id, entry => entry.CommandHandlers.ContainsKey(new PropertyKey(level, commandName)));

    public CollectionResponse<JsonObject> History(HttpContext context, Paging paging, string deviceId, DeviceLevel level, string commandName)
    {
        var (_, model) = models.Resolve(deviceId);
        Find(model, level, commandName);
        var executions = store.Use(deviceId, entry => entry.Commands.Where(c => c.Level == level && c.Name == commandName).ToList());
        return paging.Page(context, executions, c => c.SortKey, c => c.ToResponse());
    }

    /// <summary>Registers (or with null, removes) the answer of a non-simulated device to a command.</summary>
    public void SetHandler(string deviceId, DeviceLevel level, string commandName, CommandHandler? handler)
    {
        var (_, model) = models.Resolve(deviceId);
        var command = Find(model, level, commandName, inPath: false);
        if (handler?.Response is { } response && command.Response is { } schema
            && DtdlValueValidator.Problem(schema, response, "response") is { } problem)
        {
            throw ApiException.BadRequest(problem, ErrorCodes.InvalidRequestBody);
        }

        var key = new PropertyKey(level, commandName);
        store.Use(deviceId, entry =>
        {
            if (handler is null)
            {
                entry.CommandHandlers.Remove(key);
            }
            else
            {
                entry.CommandHandlers[key] = handler;
            }

            return handler;
        });
    }

    private static CommandCapability Find(DeviceModel model, DeviceLevel level, string name, bool inPath = true) =>
        CapabilityLookup.Find<CommandCapability>(model, level, name, "command", ErrorCodes.CommandNotFound, inPath);
}
