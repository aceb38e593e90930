using System.Text.Json;
using System.Text.Json.Serialization;

namespace IoTCentral.Emulator.Http;

/// <summary>The JSON settings of every response body and of the state file.</summary>
internal static class EmulatorJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // API bodies are not HTML: keep '&', '+' and quotes readable (token values, base64 keys, messages).
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Timestamps in bodies: ISO 8601 UTC with milliseconds, as in the spec examples.</summary>
    public static string FormatTimestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
