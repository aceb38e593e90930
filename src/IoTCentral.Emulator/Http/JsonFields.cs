using System.Text.Json;
using System.Text.Json.Nodes;

namespace IoTCentral.Emulator.Http;

/// <summary>
/// Typed access to the members of a request body. Each getter distinguishes "absent" from "null" (merge-patch
/// removes a member with null) and answers 400 naming the property when the JSON type is wrong.
/// </summary>
internal sealed class JsonFields(JsonObject body)
{
    /// <summary>Whether the member is present, with any value including null.</summary>
    public bool Has(string name) => body.ContainsKey(name);

    /// <summary>Whether the member is present and null.</summary>
    public bool IsNull(string name) => body.TryGetPropertyValue(name, out var node) && node is null;

    public string? GetString(string name) => Get(name, "a string", JsonValueKind.String)?.GetValue<string>();

    public bool? GetBoolean(string name) => Get(name, "a boolean", JsonValueKind.True, JsonValueKind.False)?.GetValue<bool>();

    public JsonArray? GetArray(string name) => Get(name, "an array", JsonValueKind.Array)?.AsArray();

    public string[]? GetStringArray(string name)
    {
        var array = GetArray(name);
        if (array is null)
        {
            return null;
        }

        return array.Select((item, i) => item is JsonValue v && v.GetValueKind() == JsonValueKind.String
                ? v.GetValue<string>()
                : throw ApiException.BadRequest($"Property '{name}[{i}]' must be a string.", ErrorCodes.InvalidRequestBody))
            .ToArray();
    }

    public DateTimeOffset? GetDateTime(string name)
    {
        var text = GetString(name);
        if (text is null)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var value))
        {
            throw ApiException.BadRequest($"Property '{name}' must be an ISO 8601 date-time, not '{text}'.", ErrorCodes.InvalidRequestBody);
        }

        return value;
    }

    public double? GetNumber(string name) => Get(name, "a number", JsonValueKind.Number)?.GetValue<double>();

    /// <summary>The member as an object, wrapped for typed access.</summary>
    public JsonFields? GetObject(string name) => Get(name, "an object", JsonValueKind.Object) is JsonObject o ? new JsonFields(o) : null;

    /// <summary>The member's value of any JSON type (null when absent or null).</summary>
    public JsonNode? GetNode(string name) => body.TryGetPropertyValue(name, out var node) ? node : null;

    /// <summary>The array's elements as objects, each wrapped for typed access.</summary>
    public IReadOnlyList<JsonFields>? GetObjectArray(string name) =>
        GetArray(name)?.Select((item, i) => item is JsonObject o
                ? new JsonFields(o)
                : throw ApiException.BadRequest($"Property '{name}[{i}]' must be an object.", ErrorCodes.InvalidRequestBody))
            .ToArray();

    private JsonNode? Get(string name, string description, params JsonValueKind[] kinds)
    {
        if (!body.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        var actual = node.GetValueKind();
        if (!kinds.Contains(actual))
        {
            throw ApiException.BadRequest(
                $"Property '{name}' must be {description}, not {actual.ToString().ToLowerInvariant()}.", ErrorCodes.InvalidRequestBody);
        }

        return node;
    }
}
