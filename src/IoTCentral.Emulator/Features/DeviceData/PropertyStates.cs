using System.Text.Json.Nodes;
using IoTCentral.Emulator.Features.DeviceData.Simulation;
using IoTCentral.Emulator.Features.DeviceTemplates;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;

namespace IoTCentral.Emulator.Features.DeviceData;

/// <summary>
/// Reads and changes property states. A simulated device that has no stored state for a device property reports a
/// generated value (stable per device and property) since the simulation first ran for it.
/// </summary>
internal static class PropertyStates
{
    public static PropertyState? Effective(DeviceDataEntry entry, DeviceRecord device, PropertyKey key, PropertyCapability property, DateTimeOffset now)
    {
        if (entry.Properties.TryGetValue(key, out var state))
        {
            return state;
        }

        if (!device.Simulated || property.Cloud)
        {
            return null;
        }

        var start = entry.SimulationStart ??= now;
        var seed = SimulatedDevice.Seed(device.Id, key.Level, key.Name);
        return new PropertyState(SimulatedValue.Generate(property.Schema, seed, 0, start, TelemetrySimulator.Hints(property)), start);
    }

    /// <summary>
    /// Sets (or, with a null value, removes) a value through the REST API: a cloud property's value directly, a
    /// writable property's desired value with a new version. A simulated device applies and acknowledges it at once.
    /// </summary>
    public static void SetDesired(DeviceDataEntry entry, DeviceRecord device, PropertyKey key, PropertyCapability property, JsonNode? value, DateTimeOffset now)
    {
        var current = Effective(entry, device, key, property, now);
        if (property.Cloud)
        {
            Store(entry, key, value is null ? null : new PropertyState(value.DeepClone(), now));
            return;
        }

        if (value is null)
        {
            if (current?.Desired is not null)
            {
                Store(entry, key, current with
                {
                    Desired = null, DesiredVersion = null, AckVersion = null, AckCode = null, AckDescription = null, LastUpdateTime = now,
                });
            }

            return;
        }

        var next = (current ?? new PropertyState(null, now)) with { Desired = value.DeepClone(), DesiredVersion = ++entry.DesiredVersion, LastUpdateTime = now };
        Store(entry, key, device.Simulated ? next.WithReported(value, now) : next);
    }

    /// <summary>The device reported a value, acknowledging a pending desired value.</summary>
    public static void Report(DeviceDataEntry entry, DeviceRecord device, PropertyKey key, PropertyCapability property, JsonNode value,
        DateTimeOffset now, int ackCode, string ackDescription) =>
        Store(entry, key, (Effective(entry, device, key, property, now) ?? new PropertyState(null, now)).WithReported(value, now, ackCode, ackDescription));

    /// <summary>The <c>$metadata</c> entry of a property, as in the spec's examples.</summary>
    public static JsonObject Metadata(PropertyState state)
    {
        var metadata = new JsonObject();
        if (state.Desired is not null)
        {
            metadata["desiredValue"] = state.Desired.DeepClone();
            metadata["desiredVersion"] = state.DesiredVersion;
        }

        if (state.AckVersion is not null)
        {
            metadata["ackVersion"] = state.AckVersion;
            metadata["ackCode"] = state.AckCode;
            metadata["ackDescription"] = state.AckDescription;
        }

        metadata["lastUpdateTime"] = EmulatorJson.FormatTimestamp(state.LastUpdateTime);
        return metadata;
    }

    private static void Store(DeviceDataEntry entry, PropertyKey key, PropertyState? state)
    {
        if (state is null || state.IsEmpty)
        {
            entry.Properties.Remove(key);
        }
        else
        {
            entry.Properties[key] = state;
        }
    }
}
