using System.Text.Json.Nodes;
using IoTCentral.Emulator.Features.DeviceData.Simulation;
using IoTCentral.Emulator.Features.DeviceTemplates;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;

namespace IoTCentral.Emulator.Features.DeviceData;

/// <summary>
/// Devices_GetTelemetryValue at every level (the last known value: the newest of fed and simulated values), and
/// telemetry from the device-facing feed.
/// </summary>
internal sealed class DeviceTelemetryService(DeviceModels models, DeviceDataStore store, EmulatorSettings settings)
{
    /// <summary>The spec's <c>DeviceTelemetry</c>; an empty object when the device has sent no value yet.</summary>
    public JsonObject Last(string deviceId, DeviceLevel level, string telemetryName)
    {
        var (device, model) = models.Resolve(deviceId);
        var telemetry = Find(model, level, telemetryName);
        var fed = store.Use(deviceId, entry => entry.LastTelemetry(level, telemetryName));
        var now = settings.Clock.GetUtcNow();
        var slot = TelemetrySimulator.Floor(now);
        var (timestamp, value) = device.Simulated && (fed is null || fed.Timestamp < TelemetrySimulator.TimeOf(slot))
            ? (TelemetrySimulator.TimeOf(slot), TelemetrySimulator.ValueAt(deviceId, level, telemetry, slot))
            : (fed?.Timestamp ?? default, fed?.Value.DeepClone());
        return value is null ? [] : new JsonObject { ["value"] = value, ["timestamp"] = EmulatorJson.FormatTimestamp(timestamp) };
    }

    /// <summary>Values a device sends (device-facing feed), checked against its template.</summary>
    public void Feed(string deviceId, DeviceLevel level, DateTimeOffset? timestamp, JsonObject values)
    {
        var (_, model) = models.Resolve(deviceId);
        var samples = new List<(string Name, JsonNode Value)>();
        foreach (var (name, value) in values)
        {
            var telemetry = Find(model, level, name, inPath: false);
            if (DtdlValueValidator.Problem(telemetry.Schema, value, level.PathOf(name)) is { } problem)
            {
                throw ApiException.BadRequest(problem, ErrorCodes.InvalidRequestBody);
            }

            samples.Add((name, value!.DeepClone()));
        }

        var now = settings.Clock.GetUtcNow();
        store.Use(deviceId, entry =>
        {
            foreach (var (name, value) in samples)
            {
                entry.AddTelemetry(new FedTelemetry(timestamp ?? now, level, name, value));
            }

            return samples.Count;
        });
    }

    private static TelemetryCapability Find(DeviceModel model, DeviceLevel level, string name, bool inPath = true) =>
        CapabilityLookup.Find<TelemetryCapability>(model, level, name, "telemetry", ErrorCodes.TelemetryNotFound, inPath);
}
