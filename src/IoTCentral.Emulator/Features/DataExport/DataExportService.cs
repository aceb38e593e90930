using System.Text.Json.Nodes;
using IoTCentral.Emulator.Features.DeviceGroups;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;

namespace IoTCentral.Emulator.Features.DataExport;

/// <summary>Destinations_* and Exports_* against the <see cref="StateStore"/>; answers carry the health from <see cref="ExportHealth"/>.</summary>
internal sealed class DataExportService(StateStore store, ExportHealth health)
{
    public IReadOnlyList<DestinationRecord> Destinations() => store.Read(s => s.Destinations.Values.ToList());

    public DestinationRecord Destination(string id) => store.Read(s => s.Destinations.GetValueOrDefault(id)) ?? throw DestinationNotFound(id);

    public IReadOnlyList<ExportRecord> Exports() => store.Read(s => s.Exports.Values.ToList());

    public ExportRecord Export(string id) => store.Read(s => s.Exports.GetValueOrDefault(id)) ?? throw ExportNotFound(id);

    /// <summary>The exports that send to the destination.</summary>
    public IReadOnlyList<ExportRecord> ExportsOf(string destinationId)
    {
        Destination(destinationId);
        return Exports().Where(e => ExportDefinition.DestinationIds(Body(e)).Contains(destinationId)).ToList();
    }

    /// <summary>The destinations the export sends to, in the export's order, each with its transform.</summary>
    public IReadOnlyList<(DestinationRecord Destination, string? Transform)> DestinationsOf(string exportId)
    {
        var export = Body(Export(exportId));
        return store.Read(s => (export["destinations"] as JsonArray ?? [])
            .Select(d => (s.Destinations.GetValueOrDefault(d!["id"]!.GetValue<string>()), d["transform"]?.GetValue<string>()))
            .Where(p => p.Item1 is not null)
            .Select(p => (p.Item1!, p.Item2))
            .ToList());
    }

    public DestinationRecord PutDestination(string id, JsonObject body)
    {
        RequireValidId(id, "destination");
        var record = new DestinationRecord(id, DestinationDefinition.Parse(body).ToJsonString());
        var stored = store.Write(s => s.Destinations[id] = record);
        health.Forget(id);
        return stored;
    }

    /// <summary>PATCH: a merge-patch of the stored definition (secrets sent back masked keep their stored values).</summary>
    public DestinationRecord PatchDestination(string id, JsonObject patch) => store.Write(s =>
    {
        var current = s.Destinations.GetValueOrDefault(id) ?? throw DestinationNotFound(id);
        var stored = JsonNode.Parse(current.Body);
        DestinationDefinition.KeepMaskedSecrets(patch, stored);
        var merged = JsonMergePatch.Apply(stored, patch) as JsonObject ?? new JsonObject();
        return s.Destinations[id] = current with { Body = DestinationDefinition.Parse(merged).ToJsonString() };
    });

    /// <summary>
    /// A destination that an export sends to cannot be removed (409 <c>DestinationInUse</c>, naming the exports):
    /// IoT Central's UI asks to take it out of the exports first, and the emulator keeps exports consistent that way.
    /// </summary>
    public void RemoveDestination(string id)
    {
        store.Write(s =>
        {
            if (!s.Destinations.TryGetValue(id, out _))
            {
                throw DestinationNotFound(id);
            }

            var users = s.Exports.Values.Where(e => ExportDefinition.DestinationIds(Body(e)).Contains(id)).Select(e => e.Id).ToList();
            if (users.Count > 0)
            {
                throw ApiException.Conflict(
                    $"The destination '{id}' is used by the export(s) {string.Join(", ", users.Select(u => $"'{u}'"))}; remove it from them first.",
                    ErrorCodes.DestinationInUse);
            }

            return s.Destinations.Remove(id);
        });
        health.Forget(id);
    }

    public ExportRecord PutExport(string id, JsonObject body)
    {
        RequireValidId(id, "export");
        var definition = ExportDefinition.Parse(body);
        var stored = store.Write(s =>
        {
            RequireDestinations(s, definition);
            return s.Exports[id] = new ExportRecord(id, definition.ToJsonString());
        });
        health.Forget(id);
        return stored;
    }

    public ExportRecord PatchExport(string id, JsonObject patch) => store.Write(s =>
    {
        var current = s.Exports.GetValueOrDefault(id) ?? throw ExportNotFound(id);
        var merged = JsonMergePatch.Apply(JsonNode.Parse(current.Body), patch) as JsonObject ?? new JsonObject();
        var definition = ExportDefinition.Parse(merged);
        RequireDestinations(s, definition);
        return s.Exports[id] = current with { Body = definition.ToJsonString() };
    });

    public void RemoveExport(string id)
    {
        if (!store.Write(s => s.Exports.Remove(id)))
        {
            throw ExportNotFound(id);
        }

        health.Forget(id);
    }

    /// <summary>The destination as answered: id, the definition with secrets masked, health.</summary>
    public JsonObject DestinationResponse(DestinationRecord record, string? transform = null)
    {
        var body = new JsonObject { ["id"] = record.Id };
        foreach (var (name, value) in DestinationDefinition.Masked(Body(record)))
        {
            body[name] = value?.DeepClone();
        }

        if (transform is not null)
        {
            body["transform"] = transform;
        }

        health.DescribeDestination(record.Id, body);
        return body;
    }

    public JsonObject ExportResponse(ExportRecord record)
    {
        var body = new JsonObject { ["id"] = record.Id };
        foreach (var (name, value) in Body(record))
        {
            body[name] = value?.DeepClone();
        }

        health.DescribeExport(record.Id, body);
        return body;
    }

    public static JsonObject Body(ExportRecord record) => JsonNode.Parse(record.Body)!.AsObject();

    public static JsonObject Body(DestinationRecord record) => JsonNode.Parse(record.Body)!.AsObject();

    private static void RequireDestinations(EmulatorState state, JsonObject definition)
    {
        foreach (var id in ExportDefinition.DestinationIds(definition))
        {
            if (!state.Destinations.TryGetValue(id, out _))
            {
                throw ApiException.BadRequest($"Property 'destinations': the destination '{id}' does not exist.", ErrorCodes.DestinationNotFound);
            }
        }
    }

    // The spec gives no pattern for these ids; the device group rule (letters, digits, '-', '_', at most 255) is the
    // emulator's choice for every id it stores.
    private static void RequireValidId(string id, string kind)
    {
        if (!DeviceGroupService.IsValidId(id))
        {
            throw ApiException.BadRequest($"The {kind} id '{id}' is not valid: use 1 to {DeviceGroupService.MaxIdLength} letters, digits, '-' or '_'.", ErrorCodes.InvalidId);
        }
    }

    private static ApiException DestinationNotFound(string id) =>
        ApiException.NotFound($"The destination '{id}' does not exist.", ErrorCodes.DestinationNotFound);

    private static ApiException ExportNotFound(string id) =>
        ApiException.NotFound($"The export '{id}' does not exist.", ErrorCodes.ExportNotFound);
}
