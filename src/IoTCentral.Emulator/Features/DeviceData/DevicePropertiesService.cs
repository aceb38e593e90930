using System.Text.Json.Nodes;
using IoTCentral.Emulator.Features.DeviceTemplates;
using IoTCentral.Emulator.State;

namespace IoTCentral.Emulator.Features.DeviceData;

/// <summary>
/// Devices_GetProperties, _ReplaceProperties and _UpdateProperties at every level, and reported properties from
/// the device-facing feed. Bodies and responses are the spec's <c>DeviceProperties</c>: values plus <c>$metadata</c>.
/// </summary>
internal sealed class DevicePropertiesService(DeviceModels models, DeviceDataStore store, EmulatorSettings settings)
{
    public JsonObject Get(string deviceId, DeviceLevel level)
    {
        var (device, model) = models.Resolve(deviceId);
        model.Resolve(level);
        return store.Use(deviceId, entry => Document(entry, device, model, level, settings.Clock.GetUtcNow()));
    }

    /// <summary>PUT (<paramref name="replace"/>) or PATCH; answers the level's properties after the change.</summary>
    public JsonObject Write(string deviceId, DeviceLevel level, JsonObject body, bool replace)
    {
        var (device, model) = models.Resolve(deviceId);
        var writes = PropertyWrite.Collect(model, level, body, reported: false);
        var now = settings.Clock.GetUtcNow();
        return store.Use(deviceId, entry =>
        {
            if (replace)
            {
                var written = writes.Select(w => w.Key).ToHashSet();
                foreach (var (key, property) in Settable(model, level).Where(s => !written.Contains(s.Key)))
                {
                    PropertyStates.SetDesired(entry, device, key, property, null, now);
                }
            }

            foreach (var write in writes)
            {
                PropertyStates.SetDesired(entry, device, write.Key, write.Property, write.Value, now);
            }

            return Document(entry, device, model, level, now);
        });
    }

    /// <summary>Values the device reports (device-facing feed); they acknowledge pending desired values.</summary>
    public void Report(string deviceId, DeviceLevel level, JsonObject values, int ackCode, string ackDescription)
    {
        var (device, model) = models.Resolve(deviceId);
        var writes = PropertyWrite.Collect(model, level, values, reported: true);
        var now = settings.Clock.GetUtcNow();
        store.Use(deviceId, entry =>
        {
            foreach (var write in writes)
            {
                PropertyStates.Report(entry, device, write.Key, write.Property, write.Value!, now, ackCode, ackDescription);
            }

            return writes.Count;
        });
    }

    /// <summary>The current value of every property of the device's root and components, by path ("device_info.model").</summary>
    public IReadOnlyDictionary<string, JsonNode?> Values(DeviceRecord device, DeviceModel model)
    {
        var now = settings.Clock.GetUtcNow();
        return store.Use(device.Id, entry => model.Levels()
            .Where(l => l.Level.Module is null)
            .SelectMany(l => l.Interface.All<PropertyCapability>().Select(p => (Path: l.Level.PathOf(p.Name),
                State: PropertyStates.Effective(entry, device, new PropertyKey(l.Level, p.Name), p, now))))
            .Where(p => p.State?.Reported is not null)
            .ToDictionary(p => p.Path, p => (JsonNode?)p.State!.Reported!.DeepClone(), StringComparer.Ordinal));
    }

    /// <summary>The settable properties a PUT at <paramref name="level"/> replaces: the level's and, at a root, its components'.</summary>
    private static IEnumerable<(PropertyKey Key, PropertyCapability Property)> Settable(DeviceModel model, DeviceLevel level)
    {
        var iface = model.Resolve(level);
        var levels = level.Component is null
            ? iface.Components.Keys.Select(level.WithComponent).Prepend(level)
            : [level];
        return levels.SelectMany(l => model.Resolve(l).All<PropertyCapability>().Where(p => p.Settable).Select(p => (new PropertyKey(l, p.Name), p)));
    }

    /// <summary>The level's values and <c>$metadata</c>; at a root, each component with data as a nested object.</summary>
    private static JsonObject Document(DeviceDataEntry entry, DeviceRecord device, DeviceModel model, DeviceLevel level, DateTimeOffset now)
    {
        var iface = model.Resolve(level);
        var document = new JsonObject();
        var metadata = new JsonObject();
        foreach (var property in iface.All<PropertyCapability>())
        {
            if (PropertyStates.Effective(entry, device, new PropertyKey(level, property.Name), property, now) is not { } state)
            {
                continue;
            }

            if (state.Reported is not null)
            {
                document[property.Name] = state.Reported.DeepClone();
            }

            metadata[property.Name] = PropertyStates.Metadata(state);
        }

        if (metadata.Count > 0)
        {
            document["$metadata"] = metadata;
        }

        if (level.Component is null)
        {
            foreach (var component in iface.Components.Keys)
            {
                var nested = Document(entry, device, model, level.WithComponent(component), now);
                if (nested.Count > 0)
                {
                    document[component] = nested;
                }
            }
        }

        return document;
    }
}
