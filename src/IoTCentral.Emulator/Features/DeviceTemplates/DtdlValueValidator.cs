using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IoTCentral.Emulator.Features.DeviceTemplates;

/// <summary>Checks a JSON value against a DTDL schema (property values, command requests, fed telemetry).</summary>
internal static class DtdlValueValidator
{
    /// <summary>Null when <paramref name="value"/> fits <paramref name="schema"/>; otherwise what is wrong, naming <paramref name="path"/>.</summary>
    public static string? Problem(DtdlSchema schema, JsonNode? value, string path) => schema switch
    {
        PrimitiveSchema p => Fits(p.Name, value) ? null : Mismatch(schema, value, path),
        EnumSchema e => e.Values.Any(v => JsonNode.DeepEquals(v.Value, value)) ? null : Mismatch(schema, value, path),
        ObjectSchema o => ObjectProblem(o, value, path),
        ArraySchema a => value is JsonArray items
            ? items.Select((item, i) => Problem(a.Element, item, $"{path}[{i}]")).FirstOrDefault(p => p is not null)
            : Mismatch(schema, value, path),
        MapSchema m => value is JsonObject map
            ? map.Select(entry => Problem(m.Value, entry.Value, $"{path}.{entry.Key}")).FirstOrDefault(p => p is not null)
            : Mismatch(schema, value, path),
        _ => null,
    };

    private static string? ObjectProblem(ObjectSchema schema, JsonNode? value, string path)
    {
        if (value is not JsonObject members)
        {
            return Mismatch(schema, value, path);
        }

        foreach (var (name, member) in members)
        {
            var field = schema.Fields.FirstOrDefault(f => f.Name == name);
            var problem = field is null
                ? $"'{path}.{name}' is not a field of {schema.Describe()}."
                : Problem(field.Schema, member, $"{path}.{name}");
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static bool Fits(string primitive, JsonNode? value)
    {
        var kind = value?.GetValueKind();
        return primitive switch
        {
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "double" or "float" => kind == JsonValueKind.Number,
            "integer" => IsWhole(value, kind, int.MinValue, int.MaxValue),
            "long" => IsWhole(value, kind, long.MinValue, long.MaxValue),
            "string" => kind == JsonValueKind.String,
            "dateTime" => Text(value, kind) is { } t && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _),
            "date" => Text(value, kind) is { } d && DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "time" => Text(value, kind) is { } t && TimeOnly.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "duration" => Text(value, kind) is { } d && IsDuration(d),
            _ => kind == JsonValueKind.Object, // geospatial schemas are GeoJSON objects
        };
    }

    private static bool IsWhole(JsonNode? value, JsonValueKind? kind, double min, double max) =>
        kind == JsonValueKind.Number && value!.GetValue<double>() is var d && d == Math.Floor(d) && d >= min && d <= max;

    private static string? Text(JsonNode? value, JsonValueKind? kind) => kind == JsonValueKind.String ? value!.GetValue<string>() : null;

    private static bool IsDuration(string text)
    {
        try
        {
            System.Xml.XmlConvert.ToTimeSpan(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (OverflowException)
        {
            return true; // well-formed, just longer than a TimeSpan
        }
    }

    private static string Mismatch(DtdlSchema schema, JsonNode? value, string path) =>
        $"'{path}' must be {schema.Describe()}, not {Show(value)}.";

    private static string Show(JsonNode? value)
    {
        var text = value?.ToJsonString() ?? "null";
        return text.Length <= 60 ? text : text[..57] + "...";
    }
}
