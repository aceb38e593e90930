using IoTCentral.Emulator.Features.DataExport;
using IoTCentral.Emulator.Features.DeviceData;
using IoTCentral.Emulator.Features.DeviceTemplates;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IoTCentral.Emulator.Features.DeviceFeed;

/// <summary>
/// The emulator's own device-facing API, standing in for a device connected through IoT Hub: tests and scripts send
/// telemetry and reported properties for a (non-simulated) device, and register its answers to commands. It is not
/// part of IoT Central's REST API: it lives outside <c>/api</c>, needs no api-version, and each request is signed with
/// the device's own key (<see cref="DeviceFeedSignature"/>). Sending anything marks the device provisioned and
/// connects it (<see cref="DeviceConnections"/>).
/// </summary>
internal static class DeviceFeedRoutes
{
    public const string BasePath = "/device-api/devices/{deviceId}";

    public static void MapDeviceFeedRoutes(this IEndpointRouteBuilder app)
    {
        var device = app.MapGroup(BasePath).AddEndpointFilter((context, next) =>
        {
            var http = context.HttpContext;
            http.RequestServices.GetRequiredService<DeviceFeedAuthenticator>()
                .Authenticate((string)http.Request.RouteValues["deviceId"]!, http.Request.Headers.Authorization);
            return next(context);
        });

        device.MapPost("/telemetry", async (string deviceId, HttpContext context, DeviceTelemetryService telemetry, DeviceConnections connections,
            ExportPublisher exports, EmulatorSettings settings) =>
        {
            var request = FeedRequest.Read(await JsonBody.ReadObjectAsync(context, JsonBody.Json));
            telemetry.Feed(deviceId, request.Level, request.Timestamp, request.Values);
            connections.Seen(deviceId);
            exports.Telemetry(deviceId, request.Level, request.Timestamp ?? settings.Clock.GetUtcNow(), request.Values);
            return Results.NoContent();
        });

        device.MapPatch("/properties", async (string deviceId, HttpContext context, DevicePropertiesService properties, DeviceConnections connections,
            ExportPublisher exports) =>
        {
            var request = FeedRequest.Read(await JsonBody.ReadObjectAsync(context, JsonBody.Json, JsonBody.MergePatchJson));
            properties.Report(deviceId, request.Level, request.Values, request.GetInteger("ackCode") ?? StatusCodes.Status200OK,
                request.GetString("ackDescription") ?? PropertyState.Completed);
            connections.Seen(deviceId);
            exports.Properties(deviceId, request.Level, ExportMessageTypes.ReportedChange, request.Values);
            return Results.NoContent();
        });

        device.MapPut("/commands/{commandName}", async (string deviceId, string commandName, HttpContext context, DeviceCommandService commands,
            DeviceConnections connections) =>
        {
            var body = await JsonBody.ReadObjectAsync(context, JsonBody.Json);
            var request = FeedRequest.Read(body);
            var handler = new CommandHandler(request.GetInteger("responseCode") ?? StatusCodes.Status200OK, body["response"]?.DeepClone());
            commands.SetHandler(deviceId, request.Level, commandName, handler);
            connections.Seen(deviceId);
            return Results.NoContent();
        });

        device.MapPut("/connection", (string deviceId, DeviceConnections connections) =>
        {
            connections.Seen(deviceId);
            return Results.NoContent();
        });

        device.MapDelete("/connection", (string deviceId, StateStore store, DeviceConnections connections) =>
        {
            // The authenticator found the device; a concurrent delete has disconnected it already.
            if (store.Read(s => s.Devices.GetValueOrDefault(deviceId)) is { } record)
            {
                connections.Disconnect(record);
            }

            return Results.NoContent();
        });

        device.MapDelete("/commands/{commandName}", (string deviceId, string commandName, string? module, string? component, DeviceCommandService commands) =>
        {
            commands.SetHandler(deviceId, new DeviceLevel(module, component), commandName, null);
            return Results.NoContent();
        });
    }
}
