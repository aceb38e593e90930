using System.Text;
using IoTCentral.Engine.Json;

namespace IoTCentral.Engine.Internal;

internal static class RequestBody
{
    /// <summary>
    /// The largest body the module sends: 4 MiB. The service publishes no limit; real device templates, property
    /// updates and command payloads are far smaller, and a body this size is a mistake (a wrong file) that an upload,
    /// or its retries, would only make slower to notice.
    /// </summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    public const string TooLargeCode = "BodyTooLarge";

    /// <summary>A string is taken as JSON text already; anything else is a CLR tree to serialize.</summary>
    public static byte[]? ToUtf8(object? body) => body switch
    {
        null => null,
        string json => Encoding.UTF8.GetBytes(json),
        _ => JsonTreeWriter.ToUtf8(body),
    };
}
