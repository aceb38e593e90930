using System;
using System.Text.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine.Json;

internal static class FileUploadJson
{
    /// <summary>The configuration without its connection string, which never leaves the engine.</summary>
    public static FileUpload Read(JsonElement element) => new()
    {
        Account = element.GetString("account"),
        Container = element.GetString("container") ?? string.Empty,
        SasTtl = Duration(element.GetString("sasTtl")),
        ReadAccess = element.TryGetProperty("readAccess", out var read) && read.ValueKind == JsonValueKind.True,
        State = element.GetString("state") ?? string.Empty,
        ETag = element.GetString("etag"),
    };

    /// <summary>ISO 8601 duration text (PT1H) for a TimeSpan.</summary>
    public static string FormatDuration(TimeSpan value) => System.Xml.XmlConvert.ToString(value);

    private static TimeSpan? Duration(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            return System.Xml.XmlConvert.ToTimeSpan(text);
        }
        catch (FormatException)
        {
            // A duration with years or months has no fixed length: leave it out rather than guess.
            return null;
        }
    }
}
