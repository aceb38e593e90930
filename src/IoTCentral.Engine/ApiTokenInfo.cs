using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security;
using IoTCentral.Engine.Internal;

namespace IoTCentral.Engine;

/// <summary>
/// What an API token says about itself (application, key name, expiry), read locally so that Connect can show the
/// session's expiry without a request.
/// </summary>
public sealed class ApiTokenInfo
{
    private const string Prefix = "SharedAccessSignature ";

    private ApiTokenInfo(string resource, string keyName, DateTimeOffset expiresOn)
    {
        Resource = resource;
        KeyName = keyName;
        ExpiresOn = expiresOn;
    }

    /// <summary>The application the token is for (the sr field).</summary>
    public string Resource { get; }

    /// <summary>The token's id (the skn field).</summary>
    public string KeyName { get; }

    public DateTimeOffset ExpiresOn { get; }

    /// <summary>Parses "SharedAccessSignature sr=...&amp;sig=...&amp;skn=...&amp;se=..."; error messages never contain the token.</summary>
    public static ApiTokenInfo Parse(SecureString token)
    {
        if (token is null)
        {
            throw new ArgumentNullException(nameof(token));
        }

        var text = SecureStrings.ToPlainText(token).Trim();
        if (!text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException("The value is not an IoT Central API token: it must start with 'SharedAccessSignature '.");
        }

        var fields = ReadFields(text.Substring(Prefix.Length).Trim());
        var resource = Required(fields, "sr");
        Required(fields, "sig");
        var keyName = Required(fields, "skn");
        var expiry = Required(fields, "se");
        if (!long.TryParse(expiry, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            || milliseconds > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            throw new FormatException("The API token's expiry (se) is not a number of milliseconds since 1970-01-01.");
        }

        return new ApiTokenInfo(resource, keyName, DateTimeOffset.FromUnixTimeMilliseconds(milliseconds));
    }

    private static Dictionary<string, string> ReadFields(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in text.Split('&'))
        {
            var equals = pair.IndexOf('=');
            if (equals > 0)
            {
                fields[pair.Substring(0, equals)] = Uri.UnescapeDataString(pair.Substring(equals + 1));
            }
        }

        return fields;
    }

    private static string Required(Dictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new FormatException($"The value is not an IoT Central API token: the '{name}' field is missing.");
}
