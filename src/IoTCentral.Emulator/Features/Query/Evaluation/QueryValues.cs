using System.Text.Json;
using System.Text.Json.Nodes;
using IoTCentral.Emulator.Features.Query.Syntax;
using IoTCentral.Emulator.Http;

namespace IoTCentral.Emulator.Features.Query.Evaluation;

/// <summary>
/// How the language compares and prints values. Row values become scalars (double, string, bool, DateTimeOffset)
/// or stay JSON nodes (objects, arrays). A comparison with a missing value, or of a number with a string, is false
/// (except that different types are "not equal"): there is no type coercion.
/// </summary>
internal static class QueryValues
{
    public static object? Scalar(object? value) => value switch
    {
        JsonValue node => node.GetValueKind() switch
        {
            JsonValueKind.Number => node.Deserialize<double>(),
            JsonValueKind.String => node.Deserialize<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        },
        _ => value,
    };

    public static bool Matches(object? scalar, ComparisonOperator op, object literal)
    {
        if (scalar is null)
        {
            return false;
        }

        int? order = (scalar, literal) switch
        {
            (double a, double b) => a.CompareTo(b),
            (string a, string b) => string.CompareOrdinal(a, b),
            (DateTimeOffset a, string b) when Parser.TryParseInstant(b, out var instant) => a.CompareTo(instant),
            (bool a, bool b) when op is ComparisonOperator.Equal or ComparisonOperator.NotEqual => a.CompareTo(b),
            _ => null,
        };
        if (order is not { } c)
        {
            return op == ComparisonOperator.NotEqual;
        }

        return op switch
        {
            ComparisonOperator.Equal => c == 0,
            ComparisonOperator.NotEqual => c != 0,
            ComparisonOperator.Less => c < 0,
            ComparisonOperator.LessOrEqual => c <= 0,
            ComparisonOperator.Greater => c > 0,
            _ => c >= 0,
        };
    }

    /// <summary>The sort order of ORDER BY: missing values first, then booleans, numbers, strings, timestamps, objects.</summary>
    public static int Compare(object? a, object? b)
    {
        var (x, y) = (Scalar(a), Scalar(b));
        var byRank = Rank(x).CompareTo(Rank(y));
        if (byRank != 0)
        {
            return byRank;
        }

        return (x, y) switch
        {
            (bool p, bool q) => p.CompareTo(q),
            (double p, double q) => p.CompareTo(q),
            (string p, string q) => string.CompareOrdinal(p, q),
            (DateTimeOffset p, DateTimeOffset q) => p.CompareTo(q),
            (JsonNode p, JsonNode q) => string.CompareOrdinal(p.ToJsonString(), q.ToJsonString()),
            _ => 0,
        };
    }

    private static int Rank(object? scalar) => scalar switch
    {
        null => 0,
        bool => 1,
        double => 2,
        string => 3,
        DateTimeOffset => 4,
        _ => 5,
    };

    /// <summary>A row value as it goes into the response (a copy: a JSON node has one parent).</summary>
    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        DateTimeOffset instant => JsonValue.Create(EmulatorJson.FormatTimestamp(instant)),
        string text => JsonValue.Create(text),
        _ => JsonSerializer.SerializeToNode(value),
    };
}
