using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using IoTCentral.Engine.Internal;
using IoTCentral.Engine.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine;

/// <summary>Runs device commands and reads their history, at any level of a device.</summary>
public sealed class DeviceCommandsOperations
{
    private readonly RestClient _rest;

    internal DeviceCommandsOperations(RestClient rest) => _rest = rest;

    /// <summary>
    /// POST .../commands/{name}: the service waits for the device's answer (up to the timeouts, in seconds). A
    /// command may already have run when an attempt fails, so it is repeated only when <paramref name="allowRetry"/>.
    /// <paramref name="request"/> is sent only when <paramref name="hasRequest"/> (a command may take null).
    /// </summary>
    public Task<DeviceCommandResult> RunAsync(
        string deviceId,
        string? module,
        string? component,
        string commandName,
        bool hasRequest,
        object? request,
        int? connectionTimeout,
        int? responseTimeout,
        bool allowRetry,
        CancellationToken ct) =>
        _rest.SendJsonAsync(
            RequestMethod.Post,
            PathOf(deviceId, module, component, commandName),
            DeviceCommandJson.Write(hasRequest, request, connectionTimeout, responseTimeout),
            RestClient.JsonContentType,
            null,
            allowRetry,
            root => DeviceCommandJson.Read(deviceId, module, component, commandName, root),
            ct);

    /// <summary>One page of the command's past runs (the service keeps the most recent).</summary>
    public Task<Page<DeviceCommandResult>> ListHistoryAsync(string deviceId, string? module, string? component, string commandName, string? nextLink, CancellationToken ct) =>
        _rest.ListAsync(PathOf(deviceId, module, component, commandName), nextLink, item => DeviceCommandJson.Read(deviceId, module, component, commandName, item), ct);

    private static string PathOf(string deviceId, string? module, string? component, string commandName) =>
        DevicePaths.Level(deviceId, module, component) + "/commands/" + PathSegment.Escape(commandName);
}
