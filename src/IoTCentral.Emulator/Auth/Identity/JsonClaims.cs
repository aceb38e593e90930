using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IoTCentral.Emulator.Auth.Identity;

/// <summary>Typed reads of JWT claims that tolerate a claim of the wrong JSON type (it reads as absent).</summary>
internal static class JsonClaims
{
    public static string? GetString(this JsonObject claims, string name) =>
        claims[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>
    /// A NumericDate claim (seconds since the Unix epoch) as a time; null when absent or not a number. A number in a
    /// string is accepted too: MSAL writes its client assertions' <c>nbf</c> and <c>exp</c> that way.
    /// </summary>
    public static DateTimeOffset? GetTime(this JsonObject claims, string name)
    {
        long seconds = 0;
        var found = claims[name] is JsonValue value && value.GetValueKind() switch
        {
            JsonValueKind.Number => value.TryGetValue(out seconds),
            JsonValueKind.String => long.TryParse(value.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out seconds),
            _ => false,
        };
        return found && seconds is >= 0 and < 253402300800 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
    }

    /// <summary>A claim that holds a string or an array of strings (such as <c>aud</c> or <c>groups</c>).</summary>
    public static IReadOnlyList<string> GetStrings(this JsonObject claims, string name) => claims[name] switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => [value.GetValue<string>()],
        JsonArray array => array.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>()).ToList(),
        _ => [],
    };
}
