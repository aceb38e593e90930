using System.Collections.Generic;
using System.Text.Json;

namespace IoTCentral.Engine.Json;

/// <summary>Readers for the number and DTDL-specific shapes the device-data bodies use (JsonValues has the common ones).</summary>
internal static class JsonScalars
{
    public static long? GetInt64(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : null;

    public static int? GetInt32(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : null;

    /// <summary>The JSON value of a member as a CLR tree; null when it is absent.</summary>
    public static object? GetTree(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? JsonTreeReader.ToClr(value)
            : null;

    /// <summary>
    /// A DTDL display name or description: a plain string, or a map of language codes to strings (DTDL allows both),
    /// of which English is preferred, else the first.
    /// </summary>
    public static string? GetLocalized(this JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? first = null;
        foreach (var entry in value.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            if (entry.Name == "en")
            {
                return entry.Value.GetString();
            }

            first ??= entry.Value.GetString();
        }

        return first;
    }

    /// <summary>JSON-LD "@type": one string or an array of strings.</summary>
    public static string[] GetTypes(this JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("@type", out var value))
        {
            return System.Array.Empty<string>();
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return new[] { value.GetString()! };
        }

        var types = new List<string>();
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    types.Add(item.GetString()!);
                }
            }
        }

        return types.ToArray();
    }
}
