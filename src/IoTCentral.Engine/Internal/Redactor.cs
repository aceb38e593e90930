using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace IoTCentral.Engine.Internal;

/// <summary>
/// Removes secrets from what the engine shows people (log lines, exception text). Allow-lists, not deny-lists,
/// for URLs and headers: a new secret-bearing header or query parameter stays hidden by default.
/// </summary>
internal static class Redactor
{
    public const string Mask = "REDACTED";
    public const int MaxBodyChars = 4096;

    private static readonly HashSet<string> VisibleQueryParameters = new(StringComparer.OrdinalIgnoreCase) { "api-version" };

    private static readonly HashSet<string> VisibleHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Accept", "Cache-Control", "Connection", "Content-Length", "Content-Type", "Date", "ETag", "Expires",
        "If-Match", "If-None-Match", "Last-Modified", "Pragma", "Request-Id", "Retry-After", "retry-after-ms",
        "x-ms-retry-after-ms", "Server", "Transfer-Encoding", "User-Agent", "traceparent", "x-ms-request-id",
        "x-ms-client-request-id", "x-ms-return-client-request-id", "x-ms-error-code", "WWW-Authenticate",
    };

    private static readonly HashSet<string> SecretProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "token", "primaryKey", "secondaryKey", "password", "clientSecret", "secret", "key", "sig",
        "connectionString", "access_token", "refresh_token",
    };

    // Catches secrets in text that is not JSON, such as an API token echoed in an HTML error page.
    private static readonly Regex SecretText = new(
        @"(SharedAccessSignature\s+)\S+|\b((?:sig|se|skn|sr|key|token|code|client_secret)=)[^&\s""']+|(Bearer\s+)[A-Za-z0-9\-_.~+/=]+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static string Url(Uri uri)
    {
        if (!uri.IsAbsoluteUri)
        {
            return uri.OriginalString;
        }

        var builder = new StringBuilder(uri.GetLeftPart(UriPartial.Path));
        var query = uri.Query;
        if (query.Length > 1)
        {
            var separator = '?';
            foreach (var pair in query.Substring(1).Split('&'))
            {
                if (pair.Length == 0)
                {
                    continue;
                }

                var equals = pair.IndexOf('=');
                var name = equals < 0 ? pair : pair.Substring(0, equals);
                builder.Append(separator).Append(name);
                if (equals >= 0)
                {
                    builder.Append('=').Append(VisibleQueryParameters.Contains(Uri.UnescapeDataString(name)) ? pair.Substring(equals + 1) : Mask);
                }

                separator = '&';
            }
        }

        return builder.ToString();
    }

    public static string Header(string name, string value) => VisibleHeaders.Contains(name) ? value : Mask;

    public static string Text(string text) =>
        SecretText.Replace(text, match =>
            match.Groups[1].Success ? match.Groups[1].Value + Mask
            : match.Groups[2].Success ? match.Groups[2].Value + Mask
            : match.Groups[3].Value + Mask);

    /// <summary>A body for a debug message: JSON with secret properties masked, other text pattern-masked, both truncated.</summary>
    public static string Body(ReadOnlyMemory<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return "(empty)";
        }

        string shown;
        try
        {
            using var document = JsonDocument.Parse(utf8);
            shown = MaskJson(document.RootElement);
        }
        catch (JsonException)
        {
            shown = Text(Encoding.UTF8.GetString(utf8.ToArray()));
        }

        return shown.Length <= MaxBodyChars
            ? shown
            : shown.Substring(0, MaxBodyChars) + $"... ({shown.Length - MaxBodyChars} more characters not shown)";
    }

    private static string MaskJson(JsonElement root)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            WriteMasked(writer, root);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    // A data export destination's header authorization and its header and query customizations keep their secrets in
    // a member called "value", a name too common to hide everywhere: it is hidden inside those objects only.
    private static readonly HashSet<string> ValueHolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "authorization", "headerCustomizations", "queryCustomizations",
    };

    // hideValueAt: 1 hides "value" in this object, 2 in each object it holds (a customization map's entries).
    private static void WriteMasked(Utf8JsonWriter writer, JsonElement element, int hideValueAt = 0)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    var secret = SecretProperties.Contains(property.Name) || (hideValueAt == 1 && property.Name == "value");
                    if (secret && property.Value.ValueKind != JsonValueKind.Null)
                    {
                        writer.WriteStringValue(Mask);
                    }
                    else
                    {
                        var childHideAt = ValueHolders.Contains(property.Name)
                            ? (property.Name.Equals("authorization", StringComparison.OrdinalIgnoreCase) ? 1 : 2)
                            : Math.Max(0, hideValueAt - 1);
                        WriteMasked(writer, property.Value, childHideAt);
                    }
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteMasked(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(Text(element.GetString()!));
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
