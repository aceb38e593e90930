using System;
using System.Text;
using System.Text.Json;
using IoTCentral.Engine.Json;

namespace IoTCentral.Engine;

/// <summary>
/// JSON text to the neutral tree the rest of the engine takes (OrderedDictionary, object?[], string, long, double,
/// bool, null), for callers that must not load a JSON library themselves (the cmdlet assembly).
/// </summary>
public static class JsonText
{
    /// <summary>Parses <paramref name="json"/>; a syntax error is a FormatException that says where.</summary>
    public static object? Parse(string json)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        try
        {
            return JsonTreeReader.Parse(Encoding.UTF8.GetBytes(json));
        }
        catch (JsonException e)
        {
            // Its message says where (line and byte position). Not chained: the inner exception's type lives in the
            // private load context, which callers never see.
            throw new FormatException("The text is not valid JSON: " + e.Message);
        }
    }
}
