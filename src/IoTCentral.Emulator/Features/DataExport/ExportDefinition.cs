using System.Text.Json.Nodes;
using IoTCentral.Emulator.Features.DataExport.Transforms;
using IoTCentral.Emulator.Http;

namespace IoTCentral.Emulator.Features.DataExport;

/// <summary>An export body checked against the preview spec's <c>Export</c>; only the members it defines are kept.</summary>
internal static class ExportDefinition
{
    public static readonly IReadOnlyList<string> Sources =
    [
        ExportSources.Telemetry, ExportSources.Properties, ExportSources.DeviceLifecycle, ExportSources.DeviceTemplateLifecycle,
        ExportSources.DeviceConnectivity, ExportSources.Audit,
    ];

    /// <summary>The validated definition; destination ids are checked against the store by the caller.</summary>
    public static JsonObject Parse(JsonObject body)
    {
        var fields = new JsonFields(body);
        var displayName = fields.GetString("displayName");
        if (string.IsNullOrWhiteSpace(displayName))
        {
            throw Invalid("Property 'displayName' is required and must not be empty.");
        }

        var enabled = fields.GetBoolean("enabled") ?? throw Invalid("Property 'enabled' is required (true or false).");
        var source = fields.GetString("source") ?? throw Invalid($"Property 'source' is required: one of {string.Join(", ", Sources)}.");
        if (!Sources.Contains(source, StringComparer.Ordinal))
        {
            throw Invalid($"Property 'source' is '{source}'; it must be one of {string.Join(", ", Sources)}.");
        }

        var result = new JsonObject { ["displayName"] = displayName, ["enabled"] = enabled, ["source"] = source };
        if (fields.GetString("filter") is { } filter)
        {
            ExportFilter.ParseFor(source, filter);
            result["filter"] = filter;
        }

        if (fields.GetObject("enrichments") is not null)
        {
            result["enrichments"] = Enrichments(fields.GetNode("enrichments")!.AsObject());
        }

        var destinations = fields.GetObjectArray("destinations") ?? throw Invalid("Property 'destinations' is required: an array of {\"id\": \"<destination id>\"}.");
        var references = new JsonArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < destinations.Count; i++)
        {
            var id = destinations[i].GetString("id");
            if (string.IsNullOrWhiteSpace(id))
            {
                throw Invalid($"Property 'destinations[{i}].id' is required.");
            }

            if (!seen.Add(id))
            {
                throw Invalid($"Property 'destinations[{i}].id': the destination '{id}' is listed twice.");
            }

            var reference = new JsonObject { ["id"] = id };
            if (destinations[i].GetString("transform") is { } transform)
            {
                try
                {
                    JqQuery.Parse(transform);
                }
                catch (JqParseException e)
                {
                    throw Invalid($"Property 'destinations[{i}].transform' is not a valid jq query: {e.Message}.");
                }

                reference["transform"] = transform;
            }

            references.Add(reference);
        }

        result["destinations"] = references;
        return result;
    }

    public static IEnumerable<string> DestinationIds(JsonObject definition) =>
        (definition["destinations"] as JsonArray ?? []).Select(d => d!["id"]!.GetValue<string>());

    private static JsonObject Enrichments(JsonObject enrichments)
    {
        var result = new JsonObject();
        foreach (var (name, node) in enrichments)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw Invalid("Property 'enrichments' has an empty name.");
            }

            if (node is not JsonObject enrichment)
            {
                throw Invalid($"Property 'enrichments.{name}' must be an object with 'value', or 'target' and 'path'.");
            }

            var fields = new JsonFields(enrichment);
            var entry = new JsonObject();
            foreach (var member in new[] { "target", "path" })
            {
                if (fields.GetString(member) is { } text)
                {
                    entry[member] = text;
                }
            }

            if (enrichment.TryGetPropertyValue("value", out var value) && value is not null)
            {
                entry["value"] = value.DeepClone();
            }

            if (!entry.ContainsKey("value") && !entry.ContainsKey("path"))
            {
                throw Invalid($"Property 'enrichments.{name}' needs a 'value' (a static value) or a 'path' (a property of the device to read).");
            }

            result[name] = entry;
        }

        return result;
    }

    private static ApiException Invalid(string message) => ApiException.BadRequest(message, ErrorCodes.InvalidRequestBody);
}
