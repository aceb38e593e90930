using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace IoTCentral.Shared;

/// <summary>
/// Checks a request body against a definition of the 2022-10-31-preview spec (embedded in the assembly). It lives
/// outside the emulator, in C# that netstandard2.0 accepts, so the module's Engine can link it and check bodies
/// locally by the same rules before sending them: types, required members, enums, string lengths,
/// number ranges, array sizes, <c>allOf</c> parents and <c>discriminator</c> subtypes (a tile's configuration is
/// checked against the subtype its <c>type</c> names). Read-only members and members the spec does not declare are
/// left out of the normalized copy, so what is stored has only the spec's members.
/// </summary>
internal sealed class SpecShape
{
    public const string ResourceName = "IoTCentral.Spec.Preview.json";

    private static readonly Lazy<SpecShape> PreviewSpec = new(() => Load(typeof(SpecShape).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.")));

    private readonly JsonObject _definitions;
    private readonly Dictionary<string, List<string>> _subtypes = new(StringComparer.Ordinal);

    private SpecShape(JsonObject definitions)
    {
        _definitions = definitions;
        foreach (var pair in definitions)
        {
            if (pair.Value is JsonObject definition && definition["x-ms-discriminator-value"] is JsonValue value && definition["allOf"] is JsonArray parents)
            {
                foreach (var parent in parents.OfType<JsonObject>().Select(p => RefName(p)).Where(p => p is not null))
                {
                    if (definitions[parent!] is JsonObject { } baseDefinition && baseDefinition.ContainsKey("discriminator"))
                    {
                        var key = parent + "|" + value.GetValue<string>();
                        if (!_subtypes.TryGetValue(key, out var list))
                        {
                            _subtypes[key] = list = new List<string>();
                        }

                        list.Add(pair.Key);
                    }
                }
            }
        }
    }

    public static SpecShape Preview => PreviewSpec.Value;

    /// <summary>The discriminator values a definition's subtypes use (a tile configuration's types), sorted.</summary>
    public IReadOnlyList<string> SubtypeValues(string definition) =>
        _subtypes.Keys.Where(k => k.StartsWith(definition + "|", StringComparison.Ordinal)).Select(k => k.Substring(definition.Length + 1)).OrderBy(v => v, StringComparer.Ordinal).ToList();

    /// <summary>
    /// The problems of <paramref name="value"/> as a <paramref name="definition"/> (each names the member's path), and
    /// the value with only the spec's writable members (null when there are problems).
    /// </summary>
    public IReadOnlyList<string> Check(string definition, JsonNode? value, out JsonNode? normalized)
    {
        var errors = new List<string>();
        normalized = Visit(new JsonObject { ["$ref"] = "#/definitions/" + definition }, value, string.Empty, errors);
        if (errors.Count > 0)
        {
            normalized = null;
        }

        return errors;
    }

    private static SpecShape Load(Stream stream)
    {
        using (stream)
        using (var reader = new StreamReader(stream))
        {
            var spec = JsonNode.Parse(reader.ReadToEnd())!.AsObject();
            return new SpecShape(spec["definitions"]!.AsObject());
        }
    }

    private static string? RefName(JsonObject schema) =>
        schema["$ref"] is JsonValue reference && reference.GetValue<string>() is { } text && text.StartsWith("#/definitions/", StringComparison.Ordinal)
            ? text.Substring("#/definitions/".Length)
            : null;

    private JsonNode? Visit(JsonObject schema, JsonNode? value, string path, List<string> errors)
    {
        if (RefName(schema) is { } name)
        {
            return VisitDefinition(name, value, path, errors);
        }

        var type = (string?)schema["type"];
        if (type == "object" || schema.ContainsKey("properties") || schema.ContainsKey("allOf"))
        {
            return VisitObject(schema, value, path, errors);
        }

        if (type is null)
        {
            // No type (a command tile's device): anything goes.
            return value?.DeepClone();
        }

        if (type == "array")
        {
            if (value is not JsonArray array)
            {
                errors.Add($"{Name(path)} must be an array.");
                return null;
            }

            if (schema["maxItems"] is JsonValue max && array.Count > (int)max)
            {
                errors.Add($"{Name(path)} may have at most {(int)max} items, not {array.Count}.");
            }

            if (schema["minItems"] is JsonValue min && array.Count < (int)min)
            {
                errors.Add($"{Name(path)} must have at least {(int)min} item(s).");
            }

            var items = schema["items"] as JsonObject ?? new JsonObject();
            var result = new JsonArray();
            for (var i = 0; i < array.Count; i++)
            {
                result.Add(Visit(items, array[i], path + "[" + i + "]", errors));
            }

            return result;
        }

        return VisitScalar(schema, type, value, path, errors);
    }

    private JsonNode? VisitDefinition(string name, JsonNode? value, string path, List<string> errors)
    {
        var definition = _definitions[name] as JsonObject ?? throw new InvalidOperationException($"The spec has no definition '{name}'.");
        if (definition["discriminator"] is JsonValue discriminator && value is JsonObject given)
        {
            var member = discriminator.GetValue<string>();
            var values = SubtypeValues(name);
            if (given[member] is not JsonValue kind || kind.GetValueKind() != System.Text.Json.JsonValueKind.String)
            {
                errors.Add($"{Name(Join(path, member))} is required: one of {string.Join(", ", values)}.");
                return null;
            }

            if (!_subtypes.TryGetValue(name + "|" + kind.GetValue<string>(), out var candidates))
            {
                errors.Add($"{Name(Join(path, member))} must be one of {string.Join(", ", values)}, not '{kind.GetValue<string>()}'.");
                return null;
            }

            // Two subtypes may share a value (the spec has two command tiles): the body fits if it fits either.
            List<string>? fewest = null;
            foreach (var candidate in candidates)
            {
                var candidateErrors = new List<string>();
                var result = VisitObject(_definitions[candidate]!.AsObject(), value, path, candidateErrors);
                if (candidateErrors.Count == 0)
                {
                    return result;
                }

                if (fewest is null || candidateErrors.Count < fewest.Count)
                {
                    fewest = candidateErrors;
                }
            }

            errors.AddRange(fewest!);
            return null;
        }

        return Visit(definition, value, path, errors);
    }

    private JsonNode? VisitObject(JsonObject schema, JsonNode? value, string path, List<string> errors)
    {
        if (value is not JsonObject given)
        {
            errors.Add($"{Name(path)} must be an object.");
            return null;
        }

        var properties = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var required = new HashSet<string>(StringComparer.Ordinal);
        Collect(schema, properties, required);
        if (properties.Count == 0)
        {
            // A free-form object (a deployment manifest's data) is kept as given.
            return given.DeepClone();
        }

        var result = new JsonObject();
        foreach (var name in required.Where(r => properties.TryGetValue(r, out var p) && p["readOnly"] is not JsonValue))
        {
            if (given[name] is null)
            {
                errors.Add($"{Name(Join(path, name))} is required.");
            }
        }

        foreach (var pair in given)
        {
            if (!properties.TryGetValue(pair.Key, out var property) || (bool?)property["readOnly"] == true || pair.Value is null)
            {
                continue;
            }

            result[pair.Key] = Visit(property, pair.Value, Join(path, pair.Key), errors);
        }

        return result;
    }

    /// <summary>The members and required names of a schema and of its <c>allOf</c> parents.</summary>
    private void Collect(JsonObject schema, Dictionary<string, JsonObject> properties, HashSet<string> required)
    {
        if (RefName(schema) is { } name)
        {
            Collect(_definitions[name]!.AsObject(), properties, required);
            return;
        }

        if (schema["allOf"] is JsonArray parents)
        {
            foreach (var parent in parents.OfType<JsonObject>())
            {
                Collect(parent, properties, required);
            }
        }

        if (schema["properties"] is JsonObject own)
        {
            foreach (var pair in own)
            {
                properties[pair.Key] = pair.Value!.AsObject();
            }
        }

        if (schema["required"] is JsonArray names)
        {
            foreach (var n in names)
            {
                required.Add((string)n!);
            }
        }
    }

    private static JsonNode? VisitScalar(JsonObject schema, string type, JsonNode? value, string path, List<string> errors)
    {
        var kind = value is JsonValue v ? v.GetValueKind() : (System.Text.Json.JsonValueKind?)null;
        switch (type)
        {
            case "string":
                if (kind != System.Text.Json.JsonValueKind.String)
                {
                    errors.Add($"{Name(path)} must be a string.");
                    return null;
                }

                var text = value!.GetValue<string>();
                if (schema["minLength"] is JsonValue minLength && text.Length < (int)minLength)
                {
                    errors.Add($"{Name(path)} must have at least {(int)minLength} character(s).");
                }

                if (schema["enum"] is JsonArray allowed && !allowed.Any(a => (string?)a == text))
                {
                    errors.Add($"{Name(path)} must be one of {string.Join(", ", allowed.Select(a => (string?)a))}, not '{text}'.");
                }

                break;
            case "boolean":
                if (kind is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
                {
                    errors.Add($"{Name(path)} must be true or false.");
                    return null;
                }

                break;
            default:
                if (kind != System.Text.Json.JsonValueKind.Number)
                {
                    errors.Add($"{Name(path)} must be a number.");
                    return null;
                }

                var number = value!.GetValue<double>();
                if (type == "integer" && Math.Floor(number) != number)
                {
                    errors.Add($"{Name(path)} must be a whole number.");
                }

                if (schema["minimum"] is JsonValue minimum && number < (double)minimum)
                {
                    errors.Add($"{Name(path)} must be at least {(double)minimum}.");
                }

                if (schema["maximum"] is JsonValue maximum && number > (double)maximum)
                {
                    errors.Add($"{Name(path)} must be at most {(double)maximum}.");
                }

                break;
        }

        return value!.DeepClone();
    }

    private static string Join(string path, string member) => path.Length == 0 ? member : path + "." + member;

    private static string Name(string path) => path.Length == 0 ? "The body" : $"Property '{path}'";
}
