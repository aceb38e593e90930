using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using IoTCentral.Emulator.Features.DataExport.Transforms;
using IoTCentral.Emulator.Features.DeviceData;
using IoTCentral.Emulator.Features.DeviceData.Simulation;
using IoTCentral.Emulator.Features.DeviceTemplates;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;
using Microsoft.Extensions.Hosting;

namespace IoTCentral.Emulator.Features.DataExport;

/// <summary>
/// Sends what <see cref="ExportPublisher"/> queues to the destinations the emulator delivers to (webhooks, and Blob
/// Storage with a connection string: <see cref="DestinationDefinition.Delivered"/>) of the enabled exports whose source
/// and filter match, with their enrichments, and produces the telemetry of simulated devices as it falls due (one
/// message per device and level every 5 seconds, while a telemetry export is enabled). A failed delivery is tried
/// <see cref="Attempts"/> times in all, then recorded in the export's health and dropped. A destination's transform
/// (a jq query) turns each message into the records sent to it.
/// </summary>
internal sealed class ExportDelivery(
    ExportPublisher publisher,
    StateStore store,
    DeviceTemplateService templates,
    DevicePropertiesService properties,
    ExportHealth health,
    EmulatorSettings settings) : BackgroundService
{
    public const int Attempts = 3;

    // The clock may jump (a fake clock, a suspended machine); at most this many 5-second slots are made up at once.
    private const int MaxCatchUpSlots = 12;

    private static readonly TimeSpan PumpPeriod = TimeSpan.FromSeconds(1);

    private readonly WebhookSender _webhooks = new();

    // Made on the first delivery to Blob Storage: until then no Azure assembly is loaded, which matters where the
    // emulator runs inside another process (the module's tests host it beside an older Azure.Core on purpose).
    private readonly Lazy<BlobSender> _blobs = new(() => new BlobSender(store, settings.Clock));

    // Parsed transforms by text; exports are validated when written, so every stored transform parses.
    private readonly ConcurrentDictionary<string, JqQuery> _transforms = new(StringComparer.Ordinal);
    private long? _lastSlot;

    public override void Dispose()
    {
        _webhooks.Dispose();
        if (_blobs.IsValueCreated)
        {
            _blobs.Value.Dispose();
        }

        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(PumpAsync(stoppingToken), DeliverAsync(stoppingToken));

    private async Task PumpAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(PumpPeriod);
        try
        {
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                PumpSimulatedTelemetry();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private void PumpSimulatedTelemetry()
    {
        var slot = TelemetrySimulator.Floor(settings.Clock.GetUtcNow());
        var first = Math.Max((_lastSlot ?? slot) + 1, slot - MaxCatchUpSlots + 1);
        _lastSlot = slot;
        if (first > slot || !publisher.Wanted(ExportSources.Telemetry))
        {
            return;
        }

        var devices = store.Read(s => s.Devices.Values.Where(d => d.Simulated && d.Template is not null).ToList());
        foreach (var device in devices)
        {
            if (templates.FindModel(device.Template!) is not { } model)
            {
                continue;
            }

            foreach (var (level, face) in model.Levels().Where(l => l.Level.Module is null))
            {
                var telemetry = face.All<TelemetryCapability>().ToList();
                for (var s = first; s <= slot && telemetry.Count > 0; s++)
                {
                    var values = new JsonObject();
                    foreach (var t in telemetry)
                    {
                        values[t.Name] = TelemetrySimulator.ValueAt(device.Id, level, t, s);
                    }

                    publisher.Telemetry(device.Id, level, TelemetrySimulator.TimeOf(s), values);
                }
            }
        }
    }

    private async Task DeliverAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var message in publisher.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                await DeliverAsync(message, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task DeliverAsync(ExportMessage message, CancellationToken ct)
    {
        var (exports, destinations) = store.Read(s => (s.Exports.Values.ToList(), s.Destinations.Values.ToDictionary(d => d.Id)));
        foreach (var export in exports)
        {
            var definition = DataExportService.Body(export);
            if (definition["enabled"]?.GetValue<bool>() != true || definition["source"]?.GetValue<string>() != message.Source || !Passes(definition, message))
            {
                continue;
            }

            var body = (JsonObject)message.Body.DeepClone();
            body["enrichments"] = Enrich(definition, message);
            foreach (var reference in definition["destinations"] as JsonArray ?? [])
            {
                var id = reference!["id"]!.GetValue<string>();
                if (destinations.TryGetValue(id, out var record) && DataExportService.Body(record) is var destination
                    && SenderFor(destination) is { } sender)
                {
                    if (reference["transform"]?.GetValue<string>() is not { } transform)
                    {
                        await SendAsync(sender, export.Id, id, destination, body, ct).ConfigureAwait(false);
                        continue;
                    }

                    foreach (var output in Transform(export.Id, id, transform, body))
                    {
                        await SendAsync(sender, export.Id, id, destination, output, ct).ConfigureAwait(false);
                    }
                }
            }
        }
    }

    /// <summary>
    /// The destination's records for a message: each output of its transform, in order. A transform that fails at
    /// run time is a failed delivery, so the message is dropped for that destination and the failure shows in health.
    /// </summary>
    private IReadOnlyList<JsonNode?> Transform(string exportId, string destinationId, string transform, JsonObject body)
    {
        try
        {
            return _transforms.GetOrAdd(transform, JqQuery.Parse).Run(body);
        }
        catch (Exception e) when (e is JqRuntimeException or JqParseException)
        {
            health.Failed(exportId, destinationId, $"the transform failed: {e.Message}");
            return [];
        }
    }

    /// <summary>The sender for a destination the emulator delivers to; null for the others, which are only stored.</summary>
    private IExportSender? SenderFor(JsonObject destination) =>
        !DestinationDefinition.Delivered(destination) ? null
        : destination["type"]?.GetValue<string>() == DestinationDefinition.BlobStorage ? _blobs.Value
        : _webhooks;

    private async Task SendAsync(IExportSender sender, string exportId, string destinationId, JsonObject destination, JsonNode? body, CancellationToken ct)
    {
        string? failure = null;
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            failure = await sender.SendAsync(exportId, destinationId, destination, body, ct).ConfigureAwait(false);
            if (failure is null)
            {
                health.Succeeded(exportId, destinationId, settings.Clock.GetUtcNow());
                return;
            }

            if (attempt < Attempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), ct).ConfigureAwait(false);
            }
        }

        sender.Forget(destinationId);
        health.Failed(exportId, destinationId, failure!);
    }

    private static bool Passes(JsonObject definition, ExportMessage message)
    {
        if (definition["filter"]?.GetValue<string>() is not { } filter)
        {
            return true;
        }

        try
        {
            return ExportFilter.Parse(filter).Matches(message);
        }
        catch (ApiException)
        {
            return false;
        }
    }

    /// <summary>Static values as given; a <c>path</c> reads that property of the device (null when it has none).</summary>
    private JsonObject Enrich(JsonObject definition, ExportMessage message)
    {
        var result = new JsonObject();
        if (definition["enrichments"] is not JsonObject enrichments)
        {
            return result;
        }

        IReadOnlyDictionary<string, JsonNode?>? values = null;
        foreach (var (name, node) in enrichments)
        {
            if (node!["value"] is { } value)
            {
                result[name] = value.DeepClone();
                continue;
            }

            values ??= PropertiesOf(message.DeviceId);
            result[name] = values.GetValueOrDefault(node["path"]!.GetValue<string>())?.DeepClone();
        }

        return result;
    }

    private IReadOnlyDictionary<string, JsonNode?> PropertiesOf(string? deviceId)
    {
        // A template's lifecycle names no device, so its property enrichments are null.
        var device = deviceId is null ? null : store.Read(s => s.Devices.GetValueOrDefault(deviceId));
        return device?.Template is { } template && templates.FindModel(template) is { } model
            ? properties.Values(device, model)
            : new Dictionary<string, JsonNode?>();
    }
}
