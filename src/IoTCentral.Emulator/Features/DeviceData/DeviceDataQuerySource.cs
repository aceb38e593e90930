using IoTCentral.Emulator.Auth.Scope;
using System.Text.Json.Nodes;
using IoTCentral.Emulator.Features.DeviceData.Simulation;
using IoTCentral.Emulator.Features.DeviceTemplates;
using IoTCentral.Emulator.Features.Query;
using IoTCentral.Emulator.State;

namespace IoTCentral.Emulator.Features.DeviceData;

/// <summary>
/// The query engine's view of device data: the devices of a template with their fed and simulated telemetry and
/// their current property values, for the device's root and components. Modules' data is not queryable.
/// </summary>
internal sealed class DeviceDataQuerySource(
    StateStore state, DeviceTemplateService templates, DevicePropertiesService properties, DeviceDataStore store, EmulatorSettings settings)
    : IQuerySource
{
    public IEnumerable<QueryDevice> DevicesOfTemplate(string templateId, DateTimeOffset from, DateTimeOffset to)
    {
        // A caller limited to organizations queries only their devices.
        var scope = OrganizationScope.Current;
        var devices = state.Read(s => s.Devices.Values.Where(d => d.Template == templateId && scope.Admits(d)).OrderBy(d => d.Id, StringComparer.Ordinal).ToList());
        var model = templates.FindModel(templateId);
        var now = settings.Clock.GetUtcNow();
        foreach (var device in devices)
        {
            if (model is null)
            {
                yield return new QueryDevice(device.Id, templateId, [], Metadata(device));
                continue;
            }

            var fed = store.Use(device.Id, entry => entry.Telemetry
                .Where(s => s.Level.Module is null && s.Timestamp >= from && s.Timestamp <= to)
                .OrderBy(s => s.Timestamp)
                .Select(s => new TelemetrySample(s.Timestamp, s.Level.PathOf(s.Name), s.Value.DeepClone()))
                .ToList());
            IReadOnlyList<TelemetrySample> telemetry = device.Simulated ? new SimulatedTelemetryList(device.Id, model, from, to, now, fed) : fed;
            var values = new Dictionary<string, JsonNode?>(properties.Values(device, model), StringComparer.Ordinal);
            foreach (var (name, value) in Metadata(device))
            {
                values[name] = value;
            }

            yield return new QueryDevice(device.Id, templateId, telemetry, values);
        }
    }

    /// <summary>The device's metadata the query language names <c>$provisioned</c> and <c>$simulated</c>.</summary>
    private static Dictionary<string, JsonNode?> Metadata(DeviceRecord device) => new(StringComparer.Ordinal)
    {
        ["$provisioned"] = device.Provisioned,
        ["$simulated"] = device.Simulated,
    };
}
