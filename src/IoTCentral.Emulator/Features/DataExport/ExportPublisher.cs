using System.Text.Json.Nodes;
using System.Threading.Channels;
using IoTCentral.Emulator.Auth;
using IoTCentral.Emulator.Features.DeviceTemplates;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;

namespace IoTCentral.Emulator.Features.DataExport;

/// <summary>
/// Where the application's events enter data export: requests publish what happened and return at once; the
/// <see cref="ExportDelivery"/> service sends it in the background. The queue is bounded (the oldest messages are
/// dropped when a slow webhook lets it fill), and nothing is queued while no enabled export wants the source.
/// </summary>
internal sealed class ExportPublisher(StateStore store, EmulatorSettings settings)
{
    public const int Capacity = 10_000;

    private readonly Channel<ExportMessage> _queue = Channel.CreateBounded<ExportMessage>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public ChannelReader<ExportMessage> Reader => _queue.Reader;

    public bool Wanted(string source) => store.Read(s => s.Exports.Values.Any(e => Wants(e, source)));

    public void Telemetry(string deviceId, DeviceLevel level, DateTimeOffset time, JsonObject values) =>
        Publish(ExportSources.Telemetry, null, deviceId, level, time, values, body => body["telemetry"] = values.DeepClone());

    public void Properties(string deviceId, DeviceLevel level, string messageType, JsonObject values) =>
        Publish(ExportSources.Properties, messageType, deviceId, level, settings.Clock.GetUtcNow(), values, body =>
            body["properties"] = new JsonArray(values.Select(p => (JsonNode?)new JsonObject { ["name"] = p.Key, ["value"] = p.Value?.DeepClone() }).ToArray()));

    /// <summary>
    /// registered, provisioned or deleted: <paramref name="device"/> is the record as it is after the change (as it
    /// was, when deleted).
    /// </summary>
    public void Lifecycle(DeviceRecord device, string messageType) => DeviceEvent(ExportSources.DeviceLifecycle, device, messageType);

    /// <summary>
    /// A write to an existing device: one lifecycle message per member that really changed, each about the device as
    /// it is now (so a <c>deviceTemplateChanged</c> names the new template, and a filter tests that one).
    /// </summary>
    public void LifecycleChanges(DeviceRecord before, DeviceRecord after)
    {
        if (before.Enabled != after.Enabled)
        {
            Lifecycle(after, after.Enabled ? ExportMessageTypes.Enabled : ExportMessageTypes.Disabled);
        }

        if (!string.Equals(before.DisplayName, after.DisplayName, StringComparison.Ordinal))
        {
            Lifecycle(after, ExportMessageTypes.DisplayNameChanged);
        }

        if (!string.Equals(before.Template, after.Template, StringComparison.Ordinal))
        {
            Lifecycle(after, ExportMessageTypes.DeviceTemplateChanged);
        }
    }

    /// <summary>connected or disconnected; <paramref name="device"/> is the record as it is (or was, when deleted).</summary>
    public void Connectivity(DeviceRecord device, string messageType) => DeviceEvent(ExportSources.DeviceConnectivity, device, messageType);

    /// <summary>created, updated or deleted: a template's messages name no device.</summary>
    public void TemplateLifecycle(string templateId, string messageType)
    {
        if (Wanted(ExportSources.DeviceTemplateLifecycle))
        {
            Enqueue(Message(ExportSources.DeviceTemplateLifecycle, messageType, null, templateId, DeviceLevel.Root, settings.Clock.GetUtcNow(), new JsonObject()));
        }
    }

    /// <summary>
    /// A change made over REST: <paramref name="resource"/> is the entity (its id, type and display name) as it is
    /// after the change, or was before a deletion; <paramref name="deviceId"/> names the device when it is one.
    /// </summary>
    public void Audit(AuditActor? actor, JsonObject resource, string? deviceId, string messageType)
    {
        if (!Wanted(ExportSources.Audit))
        {
            return;
        }

        var message = Message(ExportSources.Audit, messageType, null, null, DeviceLevel.Root, settings.Clock.GetUtcNow(), new JsonObject());
        if (deviceId is not null)
        {
            message.Body["deviceId"] = deviceId;
        }

        if (actor is not null)
        {
            message.Body["actor"] = new JsonObject { ["id"] = actor.Id, ["type"] = actor.Type };
        }

        message.Body["resource"] = resource;
        Enqueue(message with { DeviceId = deviceId });
    }

    private void DeviceEvent(string source, DeviceRecord device, string messageType)
    {
        if (Wanted(source))
        {
            Enqueue(Message(source, messageType, device, device.Template, DeviceLevel.Root, settings.Clock.GetUtcNow(), new JsonObject()));
        }
    }

    private void Publish(string source, string? messageType, string deviceId, DeviceLevel level, DateTimeOffset time, JsonObject values, Action<JsonObject> fill)
    {
        if (!Wanted(source) || store.Read(s => s.Devices.GetValueOrDefault(deviceId)) is not { } device)
        {
            return;
        }

        var message = Message(source, messageType, device, device.Template, level, time, values);
        fill(message.Body);
        Enqueue(message);
    }

    private ExportMessage Message(string source, string? messageType, DeviceRecord? device, string? templateId, DeviceLevel level, DateTimeOffset time, JsonObject values)
    {
        var body = new JsonObject
        {
            ["applicationId"] = store.Read(s => s.Application.Id),
            ["messageSource"] = source,
        };
        if (messageType is not null)
        {
            body["messageType"] = messageType;
        }

        if (device is not null)
        {
            body["deviceId"] = device.Id;
        }

        body["schema"] = "default@v1";
        if (device is not null || templateId is not null)
        {
            // A device without a template still says so; an audit message is about no template.
            body["templateId"] = templateId;
        }

        body["enqueuedTime"] = EmulatorJson.FormatTimestamp(time);
        if (level.Module is { } module)
        {
            body["module"] = module;
        }

        if (level.Component is { } component)
        {
            body["component"] = component;
        }

        var named = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            named[level.PathOf(name)] = value;
        }

        return new ExportMessage(source, messageType, device?.Id, templateId, time, device?.Provisioned ?? false, device?.Simulated ?? false,
            level.Component, level.Module, named, body);
    }

    private void Enqueue(ExportMessage message) => _queue.Writer.TryWrite(message);

    private static bool Wants(ExportRecord export, string source)
    {
        var body = DataExportService.Body(export);
        return body["enabled"]?.GetValue<bool>() == true && body["source"]?.GetValue<string>() == source;
    }
}
