using System.Text.Json;
using System.Text.Json.Nodes;
using IoTCentral.Emulator.Http;

namespace IoTCentral.Emulator.Features.DeviceTemplates;

/// <summary>
/// Typed access to the members of a device template's JSON. Every failure is a 400 whose message starts with the
/// JSON path of the problem (e.g. <c>capabilityModel.contents[2].schema</c>), so the author can find it.
/// </summary>
internal static class ModelReader
{
    public static ApiException Error(string path, string message) =>
        ApiException.BadRequest($"Invalid device template: {path}: {message}", ErrorCodes.InvalidDeviceTemplate);

    public static string Member(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    public static string? OptionalString(JsonObject node, string name, string path)
    {
        if (!node.TryGetPropertyValue(name, out var value) || value is null)
        {
            return null;
        }

        return value is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : throw Error(Member(path, name), $"must be a string, not {value.GetValueKind().ToString().ToLowerInvariant()}.");
    }

    public static string RequiredString(JsonObject node, string name, string path) =>
        OptionalString(node, name, path) ?? throw Error(Member(path, name), "is required.");

    public static bool OptionalBoolean(JsonObject node, string name, string path)
    {
        if (!node.TryGetPropertyValue(name, out var value) || value is null)
        {
            return false;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            var kind => throw Error(Member(path, name), $"must be a boolean, not {kind.ToString().ToLowerInvariant()}."),
        };
    }

    /// <summary>The elements of an optional array member, each required to be an object, with their paths.</summary>
    public static IEnumerable<(JsonObject Node, string Path)> ObjectArray(JsonObject node, string name, string path)
    {
        if (!node.TryGetPropertyValue(name, out var value) || value is null)
        {
            return [];
        }

        var arrayPath = Member(path, name);
        if (value is not JsonArray array)
        {
            throw Error(arrayPath, "must be an array.");
        }

        return array.Select((item, i) => item is JsonObject o ? (o, $"{arrayPath}[{i}]") : throw Error($"{arrayPath}[{i}]", "must be an object."));
    }

    /// <summary><c>@type</c>: a string or an array of strings (JSON-LD); required.</summary>
    public static IReadOnlyList<string> Types(JsonObject node, string path)
    {
        var typePath = Member(path, "@type");
        return node["@type"] switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.String => [v.GetValue<string>()],
            JsonArray { Count: > 0 } a when a.All(t => t is JsonValue tv && tv.GetValueKind() == JsonValueKind.String) =>
                a.Select(t => t!.GetValue<string>()).ToList(),
            null => throw Error(typePath, "is required."),
            _ => throw Error(typePath, "must be a string or a non-empty array of strings."),
        };
    }

    /// <summary>A required element name, checked against DTDL's naming rule.</summary>
    public static string Name(JsonObject node, string path)
    {
        var name = RequiredString(node, "name", path);
        return Dtmi.IsValidName(name) ? name : throw Error(Member(path, "name"), $"'{name}' is not a valid name: use {Dtmi.NameRule}.");
    }

    /// <summary>An optional <c>@id</c>, which must be a DTMI when present.</summary>
    public static string? Id(JsonObject node, string path, bool required)
    {
        var id = OptionalString(node, "@id", path);
        if (id is null)
        {
            return required ? throw Error(Member(path, "@id"), $"is required: give {Dtmi.Rule}.") : null;
        }

        return Dtmi.IsValid(id) ? id : throw Error(Member(path, "@id"), $"'{id}' is not {Dtmi.Rule}.");
    }
}
