using System.Text.Json;
using System.Text.Json.Nodes;
using IoTCentral.Emulator.Features.Query.Syntax;

namespace IoTCentral.Emulator.Features.Query.Evaluation;

/// <summary>
/// The aggregate functions over one telemetry's values in a window, oldest first, missing values left out.
/// AVG, SUM, MIN and MAX use the numeric values only (null when there are none); COUNT counts every value;
/// FIRST and LAST take the oldest and newest value of any type.
/// </summary>
internal static class Aggregates
{
    public static JsonNode? Compute(AggregateFunction function, IReadOnlyList<JsonNode> values)
    {
        if (function == AggregateFunction.Count)
        {
            return JsonValue.Create(values.Count);
        }

        if (function is AggregateFunction.First or AggregateFunction.Last)
        {
            return values.Count == 0 ? null : (function == AggregateFunction.First ? values[0] : values[^1]).DeepClone();
        }

        var numbers = values.Where(v => v.GetValueKind() == JsonValueKind.Number).ToList();
        if (numbers.Count == 0)
        {
            return null;
        }

        return function switch
        {
            AggregateFunction.Sum => Finite(numbers.Sum(v => v.Deserialize<double>())),
            AggregateFunction.Avg => Finite(numbers.Average(v => v.Deserialize<double>())),
            AggregateFunction.Min => numbers.MinBy(v => v.Deserialize<double>())!.DeepClone(),
            _ => numbers.MaxBy(v => v.Deserialize<double>())!.DeepClone(),
        };
    }

    /// <summary>JSON has no infinity: a sum that overflows a double is reported as missing rather than failing the response.</summary>
    private static JsonValue? Finite(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;
}
