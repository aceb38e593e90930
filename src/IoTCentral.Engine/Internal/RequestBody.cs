using System.Text;
using IoTCentral.Engine.Json;

namespace IoTCentral.Engine.Internal;

internal static class RequestBody
{
    /// <summary>A string is taken as JSON text already; anything else is a CLR tree to serialize.</summary>
    public static byte[]? ToUtf8(object? body) => body switch
    {
        null => null,
        string json => Encoding.UTF8.GetBytes(json),
        _ => JsonTreeWriter.ToUtf8(body),
    };
}
