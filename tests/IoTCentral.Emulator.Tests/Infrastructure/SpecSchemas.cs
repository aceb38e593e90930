using System.Reflection;
using System.Text.Json.Nodes;
using NJsonSchema;

namespace IoTCentral.Emulator.Tests.Infrastructure;

/// <summary>
/// JSON schemas of the official GA spec's definitions, made strict for contract tests: Swagger 2.0 <c>allOf</c>
/// references are flattened into the definition and every object definition with properties gets
/// <c>additionalProperties: false</c>, so an unexpected member, a wrong type or a missing required member all fail.
/// Unknown formats (<c>date-time-rfc1123</c>) are ignored by NJsonSchema, known ones (<c>date-time</c>) are checked.
/// </summary>
public static class SpecSchemas
{
    public const string SpecFileName = "iotcentral-2022-07-31.json";

    /// <summary>The preview spec, for what only it has (an enrollment group's <c>idScope</c>).</summary>
    public const string PreviewSpecFileName = "iotcentral-2022-10-31-preview.json";

    private static readonly Lazy<Task<JsonSchema>> Root = new(() => LoadStrictAsync(SpecPath, null));

    private static readonly Lazy<Task<JsonSchema>> PreviewRoot = new(() => LoadStrictAsync(PathOf(PreviewSpecFileName), null));

    /// <summary>The spec file: copied next to the tests, else under $(SpecDir) recorded at build time.</summary>
    public static string SpecPath => PathOf(SpecFileName);

    private static string PathOf(string fileName)
    {
        var copied = Path.Combine(AppContext.BaseDirectory, "spec", fileName);
        if (File.Exists(copied))
        {
            return copied;
        }

        var specDir = typeof(SpecSchemas).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SpecDir")?.Value;
        return Path.Combine(specDir ?? throw new InvalidOperationException("SpecDir metadata is missing."), fileName);
    }

    /// <summary>As <see cref="AssertValidAsync"/>, against the preview spec's definition.</summary>
    public static async Task AssertValidPreviewAsync(string definition, string json)
    {
        var root = await PreviewRoot.Value;
        var errors = root.Definitions.TryGetValue(definition, out var schema)
            ? schema.Validate(json).Select(e => e.ToString()).ToList()
            : throw new ArgumentException($"The preview spec has no definition '{definition}'.", nameof(definition));
        Assert.True(errors.Count == 0, $"Response does not match the preview spec's #/definitions/{definition}:\n{string.Join("\n", errors)}\nBody: {json}");
    }

    public static async Task<JsonSchema> GetAsync(string definition)
    {
        var root = await Root.Value;
        return root.Definitions.TryGetValue(definition, out var schema)
            ? schema
            : throw new ArgumentException($"The spec has no definition '{definition}'.", nameof(definition));
    }

    /// <summary>The validation errors of <paramref name="json"/> against <c>#/definitions/{definition}</c>.</summary>
    public static async Task<IReadOnlyList<string>> ValidateAsync(string definition, string json) =>
        (await GetAsync(definition)).Validate(json).Select(e => e.ToString()).ToList();

    public static async Task AssertValidAsync(string definition, string json)
    {
        var errors = await ValidateAsync(definition, json);
        Assert.True(errors.Count == 0, $"Response does not match #/definitions/{definition}:\n{string.Join("\n", errors)}\nBody: {json}");
    }

    /// <summary>The strict schema of a spec file's definitions; <paramref name="adjust"/> may change them first.</summary>
    public static async Task<JsonSchema> LoadStrictAsync(string path, Action<JsonObject>? adjust)
    {
        var spec = JsonNode.Parse(await File.ReadAllTextAsync(path))!.AsObject();
        var definitions = spec["definitions"]!.AsObject();
        adjust?.Invoke(definitions);
        foreach (var (_, node) in definitions)
        {
            FlattenAllOf(node!.AsObject(), definitions);
        }

        foreach (var (_, node) in definitions)
        {
            var definition = node!.AsObject();
            if (definition["properties"] is JsonObject && !definition.ContainsKey("additionalProperties") && !definition.ContainsKey("discriminator"))
            {
                definition["additionalProperties"] = false;
            }
        }

        var document = new JsonObject { ["definitions"] = definitions.DeepClone() };
        return await JsonSchema.FromJsonAsync(document.ToJsonString());
    }

    /// <summary>Copies the properties and required names of <c>allOf: [{$ref}]</c> parents into the definition.</summary>
    private static void FlattenAllOf(JsonObject definition, JsonObject definitions)
    {
        if (definition["allOf"] is not JsonArray allOf || allOf.Any(p => p?["$ref"] is null))
        {
            return;
        }

        var properties = definition["properties"] as JsonObject ?? new JsonObject();
        var required = definition["required"] as JsonArray ?? new JsonArray();
        foreach (var parentRef in allOf)
        {
            var name = parentRef!["$ref"]!.GetValue<string>().Split('/')[^1];
            var parent = definitions[name]!.AsObject();
            FlattenAllOf(parent, definitions);
            foreach (var (key, value) in parent["properties"] as JsonObject ?? new JsonObject())
            {
                if (!properties.ContainsKey(key))
                {
                    properties[key] = value!.DeepClone();
                }
            }

            foreach (var name2 in parent["required"] as JsonArray ?? new JsonArray())
            {
                required.Add(name2!.DeepClone());
            }
        }

        definition.Remove("allOf");
        definition["properties"] = properties;
        definition["required"] = required;
    }
}
