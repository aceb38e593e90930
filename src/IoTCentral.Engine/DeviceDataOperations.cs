using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using IoTCentral.Engine.Internal;
using IoTCentral.Engine.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine;

/// <summary>What a device is made of (components, IoT Edge modules) and the last value of its telemetry.</summary>
public sealed class DeviceDataOperations
{
    private readonly RestClient _rest;

    internal DeviceDataOperations(RestClient rest) => _rest = rest;

    /// <summary>The components of a device, or of one of its modules when <paramref name="module"/> is given.</summary>
    public Task<Page<DeviceComponent>> ListComponentsAsync(string deviceId, string? module, string? nextLink, CancellationToken ct) =>
        _rest.ListAsync(DevicePaths.Level(deviceId, module, null) + "/components", nextLink, item => DeviceComponentJson.ReadComponent(deviceId, module, item), ct);

    public Task<Page<DeviceModule>> ListModulesAsync(string deviceId, string? nextLink, CancellationToken ct) =>
        _rest.ListAsync(DevicePaths.Device(deviceId) + "/modules", nextLink, item => DeviceComponentJson.ReadModule(deviceId, item), ct);

    /// <summary>The last known value of a telemetry at the device, module, component or module-component level.</summary>
    public Task<DeviceTelemetryValue> GetTelemetryValueAsync(string deviceId, string? module, string? component, string telemetryName, CancellationToken ct) =>
        _rest.SendJsonAsync(
            RequestMethod.Get,
            DevicePaths.Level(deviceId, module, component) + "/telemetry/" + PathSegment.Escape(telemetryName),
            null,
            RestClient.JsonContentType,
            root => DeviceTelemetryJson.Read(deviceId, module, component, telemetryName, root),
            ct);
}
