using System.Text;
using System.Text.Json.Nodes;

namespace IoTCentral.Emulator.Features.DataExport.Transforms;

/// <summary>jq's binary arithmetic and comparison operators on two values.</summary>
internal static class JqArithmetic
{
    public static JsonNode? Apply(string op, JsonNode? left, JsonNode? right) => op switch
    {
        "+" => Add(left, right),
        "-" => Subtract(left, right),
        "*" => Multiply(left, right),
        "/" => Divide(left, right),
        "%" => Modulo(left, right),
        "==" => JqValues.Bool(JqValues.Compare(left, right) == 0),
        "!=" => JqValues.Bool(JqValues.Compare(left, right) != 0),
        "<" => JqValues.Bool(JqValues.Compare(left, right) < 0),
        "<=" => JqValues.Bool(JqValues.Compare(left, right) <= 0),
        ">" => JqValues.Bool(JqValues.Compare(left, right) > 0),
        ">=" => JqValues.Bool(JqValues.Compare(left, right) >= 0),
        _ => throw new InvalidOperationException("Unknown operator " + op),
    };

    public static JsonNode? Add(JsonNode? left, JsonNode? right)
    {
        if (JqValues.IsNull(left))
        {
            return right;
        }

        if (JqValues.IsNull(right))
        {
            return left;
        }

        if (JqValues.IsNumber(left) && JqValues.IsNumber(right))
        {
            return JqValues.Number(JqValues.ToDouble(left) + JqValues.ToDouble(right));
        }

        if (JqValues.IsString(left) && JqValues.IsString(right))
        {
            return JqValues.String(JqValues.ToText(left) + JqValues.ToText(right));
        }

        if (left is JsonArray a && right is JsonArray b)
        {
            return new JsonArray(a.Concat(b).Select(JqValues.Own).ToArray());
        }

        if (left is JsonObject x && right is JsonObject y)
        {
            var merged = (JsonObject)x.DeepClone();
            foreach (var (key, value) in y)
            {
                merged[key] = JqValues.Own(value);
            }

            return merged;
        }

        throw Cannot(left, right, "added");
    }

    private static JsonNode? Subtract(JsonNode? left, JsonNode? right)
    {
        if (JqValues.IsNumber(left) && JqValues.IsNumber(right))
        {
            return JqValues.Number(JqValues.ToDouble(left) - JqValues.ToDouble(right));
        }

        if (left is JsonArray a && right is JsonArray b)
        {
            return new JsonArray(a.Where(item => !b.Any(r => JqValues.Equal(item, r))).Select(JqValues.Own).ToArray());
        }

        throw Cannot(left, right, "subtracted");
    }

    private static JsonNode? Multiply(JsonNode? left, JsonNode? right)
    {
        if (JqValues.IsNumber(left) && JqValues.IsNumber(right))
        {
            return JqValues.Number(JqValues.ToDouble(left) * JqValues.ToDouble(right));
        }

        if ((JqValues.IsString(left) && JqValues.IsNumber(right)) || (JqValues.IsNumber(left) && JqValues.IsString(right)))
        {
            var (text, times) = JqValues.IsString(left) ? (JqValues.ToText(left), JqValues.ToDouble(right)) : (JqValues.ToText(right), JqValues.ToDouble(left));
            // jq truncates the count, and a count below 1 gives null.
            var count = times >= int.MaxValue ? int.MaxValue : (int)times;
            if (count <= 0)
            {
                return null;
            }

            if ((long)count * text.Length > 10_000_000)
            {
                throw JqRuntimeException.Of("Repeat string result too long");
            }

            var repeated = new StringBuilder();
            for (var i = 0; i < count; i++)
            {
                repeated.Append(text);
            }

            return JqValues.String(repeated.ToString());
        }

        if (left is JsonObject x && right is JsonObject y)
        {
            return DeepMerge(x, y);
        }

        throw Cannot(left, right, "multiplied");
    }

    private static JsonObject DeepMerge(JsonObject left, JsonObject right)
    {
        var merged = (JsonObject)left.DeepClone();
        foreach (var (key, value) in right)
        {
            merged[key] = merged[key] is JsonObject mine && value is JsonObject theirs ? DeepMerge(mine, theirs) : JqValues.Own(value);
        }

        return merged;
    }

    private static JsonNode? Divide(JsonNode? left, JsonNode? right)
    {
        if (JqValues.IsNumber(left) && JqValues.IsNumber(right))
        {
            var divisor = JqValues.ToDouble(right);
            if (divisor == 0)
            {
                throw Cannot(left, right, "divided because the divisor is zero");
            }

            return JqValues.Number(JqValues.ToDouble(left) / divisor);
        }

        if (JqValues.IsString(left) && JqValues.IsString(right))
        {
            return JqBuiltins.Split(JqValues.ToText(left), JqValues.ToText(right));
        }

        throw Cannot(left, right, "divided");
    }

    private static JsonNode? Modulo(JsonNode? left, JsonNode? right)
    {
        if (JqValues.IsNumber(left) && JqValues.IsNumber(right))
        {
            var divisor = (long)JqValues.ToDouble(right);
            if (divisor == 0)
            {
                throw Cannot(left, right, "divided because the divisor is zero");
            }

            return JqValues.Number((long)JqValues.ToDouble(left) % Math.Abs(divisor));
        }

        throw Cannot(left, right, "divided");
    }

    private static JqRuntimeException Cannot(JsonNode? left, JsonNode? right, string what) =>
        JqRuntimeException.Of($"{JqValues.Describe(left)} and {JqValues.Describe(right)} cannot be {what}");
}
