using System;
using System.Collections.Specialized;
using System.Globalization;
using System.Text.Json;

namespace IoTCentral.Engine.Json;

/// <summary>Turns JSON into plain CLR values, so that PowerShell users never meet a JsonElement.</summary>
internal static class JsonTreeReader
{
    public static object? Parse(ReadOnlyMemory<byte> utf8)
    {
        if (IsBlank(utf8.Span))
        {
            return null;
        }

        using var document = JsonDocument.Parse(utf8);
        return ToClr(document.RootElement);
    }

    public static object? ToClr(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var map = new OrderedDictionary(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    // Duplicate names are legal JSON; the last one wins, as in most parsers.
                    map[property.Name] = ToClr(property.Value);
                }

                return map;
            case JsonValueKind.Array:
                var items = new object?[element.GetArrayLength()];
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    items[i++] = ToClr(item);
                }

                return items;
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                return ToNumber(element);
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }

    private static object ToNumber(JsonElement element)
    {
        if (element.TryGetInt64(out var integer))
        {
            return integer;
        }

        var raw = element.GetRawText();
        var integral = raw.IndexOfAny(new[] { '.', 'e', 'E' }) < 0;
        if (integral && decimal.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big))
        {
            return big;
        }

        return element.GetDouble();
    }

    private static bool IsBlank(ReadOnlySpan<byte> utf8)
    {
        foreach (var b in utf8)
        {
            if (b != (byte)' ' && b != (byte)'\t' && b != (byte)'\r' && b != (byte)'\n')
            {
                return false;
            }
        }

        return true;
    }
}
