using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IoTCentral.Emulator.Features.DataExport.Transforms;

/// <summary>
/// jq's view of JSON values held as <see cref="JsonNode"/> (C# null is JSON null): types, truthiness, the total
/// order jq sorts and compares by (null &lt; false &lt; true &lt; numbers &lt; strings &lt; arrays &lt; objects), and
/// numbers as doubles. Nodes are never changed once made; a node put into a new container is copied first.
/// </summary>
internal static class JqValues
{
    public static JsonValueKind Kind(JsonNode? node) => node is null ? JsonValueKind.Null : node.GetValueKind();

    public static string TypeName(JsonNode? node) => Kind(node) switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => "null",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => "number",
        JsonValueKind.String => "string",
        JsonValueKind.Array => "array",
        _ => "object",
    };

    public static bool Truthy(JsonNode? node) => Kind(node) is not (JsonValueKind.Null or JsonValueKind.False or JsonValueKind.Undefined);

    public static bool IsNull(JsonNode? node) => Kind(node) is JsonValueKind.Null or JsonValueKind.Undefined;

    public static bool IsNumber(JsonNode? node) => Kind(node) == JsonValueKind.Number;

    public static bool IsString(JsonNode? node) => Kind(node) == JsonValueKind.String;

    public static double ToDouble(JsonNode? node) =>
        double.Parse(node!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    public static string ToText(JsonNode? node) => node!.GetValue<string>();

    /// <summary>A number node; NaN becomes null and infinities the largest doubles, as jq prints them.</summary>
    public static JsonNode? Number(double value)
    {
        if (double.IsNaN(value))
        {
            return null;
        }

        if (double.IsInfinity(value))
        {
            value = value > 0 ? double.MaxValue : double.MinValue;
        }

        return value == Math.Floor(value) && Math.Abs(value) < 1e17 ? JsonValue.Create((long)value) : JsonValue.Create(value);
    }

    public static JsonNode Bool(bool value) => JsonValue.Create(value);

    public static JsonNode String(string value) => JsonValue.Create(value);

    /// <summary>A copy that may go into a container (a node belongs to at most one parent).</summary>
    public static JsonNode? Own(JsonNode? node) => node?.DeepClone();

    // jq writes '<', '&' and non-ASCII text as they are; System.Text.Json's default escapes them for HTML.
    private static readonly JsonSerializerOptions Plain = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string ToJson(JsonNode? node) => node is null ? "null" : node.ToJsonString(Plain);

    /// <summary>"number (42)", as jq's messages describe a value, cut short when long.</summary>
    public static string Describe(JsonNode? node)
    {
        var text = ToJson(node);
        if (text.Length > 11)
        {
            text = text[..10] + "...";
        }

        return $"{TypeName(node)} ({text})";
    }

    public static bool Equal(JsonNode? a, JsonNode? b) => Compare(a, b) == 0;

    public static int Compare(JsonNode? a, JsonNode? b)
    {
        var rankA = Rank(a);
        var rankB = Rank(b);
        if (rankA != rankB)
        {
            return rankA.CompareTo(rankB);
        }

        switch (Kind(a))
        {
            case JsonValueKind.Number:
                return ToDouble(a).CompareTo(ToDouble(b));
            case JsonValueKind.String:
                return string.CompareOrdinal(ToText(a), ToText(b)) switch { < 0 => -1, > 0 => 1, _ => 0 };
            case JsonValueKind.Array:
                var left = a!.AsArray();
                var right = b!.AsArray();
                for (var i = 0; i < Math.Min(left.Count, right.Count); i++)
                {
                    var c = Compare(left[i], right[i]);
                    if (c != 0)
                    {
                        return c;
                    }
                }

                return left.Count.CompareTo(right.Count);
            case JsonValueKind.Object:
                var keysA = SortedKeys(a!.AsObject());
                var keysB = SortedKeys(b!.AsObject());
                for (var i = 0; i < Math.Min(keysA.Count, keysB.Count); i++)
                {
                    var c = string.CompareOrdinal(keysA[i], keysB[i]);
                    if (c != 0)
                    {
                        return c < 0 ? -1 : 1;
                    }
                }

                if (keysA.Count != keysB.Count)
                {
                    return keysA.Count.CompareTo(keysB.Count);
                }

                foreach (var key in keysA)
                {
                    var c = Compare(a[key], b![key]);
                    if (c != 0)
                    {
                        return c;
                    }
                }

                return 0;
            default:
                return 0;
        }
    }

    public static List<string> SortedKeys(JsonObject o)
    {
        var keys = o.Select(p => p.Key).ToList();
        keys.Sort(string.CompareOrdinal);
        return keys;
    }

    public static IEqualityComparer<JsonNode?> Comparer { get; } = new NodeComparer();

    private static int Rank(JsonNode? node) => Kind(node) switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => 0,
        JsonValueKind.False => 1,
        JsonValueKind.True => 2,
        JsonValueKind.Number => 3,
        JsonValueKind.String => 4,
        JsonValueKind.Array => 5,
        _ => 6,
    };

    private sealed class NodeComparer : IEqualityComparer<JsonNode?>
    {
        public bool Equals(JsonNode? x, JsonNode? y) => Compare(x, y) == 0;

        // Coarse on purpose: equal values share a rank, and numbers are compared by value, not by their text.
        public int GetHashCode(JsonNode? node) => Rank(node);
    }
}
