using System.Text.Json;
using System.Text.Json.Nodes;
using IoTCentral.Emulator.Features.Devices;
using IoTCentral.Emulator.Http;

namespace IoTCentral.Emulator.Features.Jobs;

/// <summary>One entry of a job's <c>data</c>: what to do to each device.</summary>
internal sealed record JobAction(string Type, string? Target, string? Path, JsonNode? Value, string? Template);

/// <summary>A job's batch size or cancellation threshold: a number of devices or a percentage of them.</summary>
internal sealed record JobLimit(string Type, double Value, bool PerBatch)
{
    public const string Number = "number";
    public const string Percentage = "percentage";

    /// <summary>The limit as a device count out of <paramref name="total"/> (a percentage rounds up, to at least one).</summary>
    public int Of(int total) => Type == Number ? (int)Value : Math.Max(1, (int)Math.Ceiling(total * Value / 100));
}

/// <summary>
/// A validated job body (Jobs_Create): the members the caller may set, checked as the spec describes them. Stored as
/// JSON text with the job, so the running job and its responses read the same definition.
/// </summary>
internal sealed class JobDefinition
{
    public const string Property = "property";
    public const string CloudProperty = "cloudProperty";
    public const string Command = "command";
    public const string TemplateMigration = "deviceTemplateMigration";

    private static readonly string[] Types = [Property, CloudProperty, Command, TemplateMigration];

    private JobDefinition(JsonObject body, string group, JobLimit? batch, JobLimit? threshold, IReadOnlyList<JobAction> actions, IReadOnlyList<string> organizations)
    {
        Body = body;
        Group = group;
        Batch = batch;
        Threshold = threshold;
        Actions = actions;
        Organizations = organizations;
    }

    /// <summary>The definition as the job's response shows it (display name, description, group, batch, threshold, data, organizations).</summary>
    public JsonObject Body { get; }

    public string Group { get; }

    public JobLimit? Batch { get; }

    public JobLimit? Threshold { get; }

    public IReadOnlyList<JobAction> Actions { get; }

    public IReadOnlyList<string> Organizations { get; }

    public string ToStored() => Body.ToJsonString();

    public static JobDefinition FromStored(string json) => Parse(new JsonFields(JsonNode.Parse(json)!.AsObject()));

    /// <summary>400 naming the member for anything the spec does not allow; read-only members are ignored.</summary>
    public static JobDefinition Parse(JsonFields body)
    {
        var normalized = new JsonObject();
        Copy(body, normalized, "displayName");
        Copy(body, normalized, "description");

        var group = body.GetString("group");
        if (string.IsNullOrWhiteSpace(group))
        {
            throw Invalid("Property 'group' is required: the id of the device group to run the job on.");
        }

        normalized["group"] = group;
        var batch = ReadLimit(body, "batch", normalized);
        var threshold = ReadLimit(body, "cancellationThreshold", normalized);

        var data = body.GetObjectArray("data");
        if (data is null || data.Count == 0)
        {
            throw Invalid("Property 'data' is required and must contain at least one entry.");
        }

        var actions = data.Select((item, i) => ReadAction(item, i)).ToList();
        normalized["data"] = new JsonArray(actions.Select(ToJson).ToArray());

        var organizations = body.GetStringArray("organizations") ?? [];
        if (organizations.Length > DeviceChanges.MaxOrganizations)
        {
            throw Invalid($"Property 'organizations' may list at most {DeviceChanges.MaxOrganizations} organization; the service supports one per job today.");
        }

        if (organizations.Length > 0)
        {
            normalized["organizations"] = new JsonArray(organizations.Select(o => (JsonNode?)o).ToArray());
        }

        return new JobDefinition(normalized, group, batch, threshold, actions, organizations);
    }

    private static void Copy(JsonFields body, JsonObject target, string name)
    {
        if (body.GetString(name) is { } value)
        {
            target[name] = value;
        }
    }

    private static JobLimit? ReadLimit(JsonFields body, string name, JsonObject normalized)
    {
        if (!body.Has(name) || body.IsNull(name))
        {
            return null;
        }

        var limit = body.GetObject(name)!;
        var type = limit.GetString("type");
        if (type is not (JobLimit.Number or JobLimit.Percentage))
        {
            throw Invalid($"Property '{name}.type' must be '{JobLimit.Number}' or '{JobLimit.Percentage}'.");
        }

        var value = limit.GetNumber("value") ?? throw Invalid($"Property '{name}.value' is required.");
        if (value <= 0 || (type == JobLimit.Percentage && value > 100) || (type == JobLimit.Number && value != Math.Floor(value)))
        {
            throw Invalid($"Property '{name}.value' must be {(type == JobLimit.Number ? "a whole number of devices above 0" : "a percentage above 0 and at most 100")}, not {value}.");
        }

        var perBatch = name == "cancellationThreshold" && (limit.GetBoolean("batch") ?? false);
        var json = new JsonObject { ["type"] = type, ["value"] = value };
        if (name == "cancellationThreshold" && limit.Has("batch"))
        {
            json["batch"] = perBatch;
        }

        normalized[name] = json;
        return new JobLimit(type, value, perBatch);
    }

    private static JobAction ReadAction(JsonFields item, int index)
    {
        var prefix = $"data[{index}]";
        var type = item.GetString("type") ?? throw Invalid($"Property '{prefix}.type' is required: one of {string.Join(", ", Types)}.");
        if (!Types.Contains(type, StringComparer.Ordinal))
        {
            throw Invalid($"Property '{prefix}.type' must be one of {string.Join(", ", Types)}, not '{type}' (deviceManifestMigration is a preview job type; IoT Edge deployment manifests are not emulated).");
        }

        if (type == TemplateMigration)
        {
            var template = item.GetString("template");
            return string.IsNullOrWhiteSpace(template)
                ? throw Invalid($"Property '{prefix}.template' is required: the device template to migrate the devices to.")
                : new JobAction(type, null, null, null, template);
        }

        var target = item.GetString("target");
        if (string.IsNullOrWhiteSpace(target))
        {
            throw Invalid($"Property '{prefix}.target' is required: the device template that defines the {type}.");
        }

        var path = item.GetString("path");
        if (string.IsNullOrWhiteSpace(path))
        {
            throw Invalid($"Property '{prefix}.path' is required: the {type}'s name, or component.name.");
        }

        return new JobAction(type, target, path, item.GetNode("value"), null);
    }

    private static JsonNode ToJson(JobAction action)
    {
        var json = new JsonObject { ["type"] = action.Type };
        if (action.Template is not null)
        {
            json["template"] = action.Template;
            return json;
        }

        json["target"] = action.Target;
        json["path"] = action.Path;
        if (action.Value is not null)
        {
            json["value"] = action.Value.DeepClone();
        }

        return json;
    }

    private static ApiException Invalid(string message) => ApiException.BadRequest(message, ErrorCodes.InvalidRequestBody);
}
