using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IoTCentral.Emulator.Auth;

/// <summary>The fields of an API token value.</summary>
internal sealed record SharedAccessSignatureFields(string Resource, string Signature, string KeyName, string Expiry);

/// <summary>
/// IoT Central API token values: <c>SharedAccessSignature sr={app id}&amp;sig={url-encoded base64 HMAC-SHA256}&amp;skn={token id}&amp;se={expiry ms}</c>.
/// The signature is HMAC-SHA256 with the application's signing key over "sr\nskn\nse\nnonce", where the nonce is a
/// random value kept with each token (so a token re-created with the same id and expiry gets a new value).
/// </summary>
internal static class SharedAccessSignature
{
    public const string Scheme = "SharedAccessSignature";

    public static string Create(string resource, string keyName, DateTimeOffset expiry, ReadOnlySpan<byte> signingKey, string nonce)
    {
        var se = ToExpiryField(expiry);
        var signature = ComputeSignature(signingKey, resource, keyName, se, nonce);
        return $"{Scheme} sr={resource}&sig={Uri.EscapeDataString(signature)}&skn={keyName}&se={se}";
    }

    public static string ToExpiryField(DateTimeOffset expiry) =>
        expiry.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    public static string ComputeSignature(ReadOnlySpan<byte> signingKey, string resource, string keyName, string expiry, string nonce)
    {
        var payload = Encoding.UTF8.GetBytes($"{resource}\n{keyName}\n{expiry}\n{nonce}");
        return Convert.ToBase64String(HMACSHA256.HashData(signingKey, payload));
    }

    public static bool SignatureMatches(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));

    /// <summary>Parses a token value; false when it is not a well-formed SharedAccessSignature.</summary>
    public static bool TryParse(string value, out SharedAccessSignatureFields fields)
    {
        fields = null!;
        if (!TryParseParts(value, out var parts)
            || !parts.TryGetValue("sr", out var sr) || !parts.TryGetValue("sig", out var sig)
            || !parts.TryGetValue("skn", out var skn) || !parts.TryGetValue("se", out var se))
        {
            return false;
        }

        try
        {
            fields = new SharedAccessSignatureFields(Uri.UnescapeDataString(sr), Uri.UnescapeDataString(sig), Uri.UnescapeDataString(skn), se);
        }
        catch (UriFormatException)
        {
            return false;
        }

        return true;
    }

    /// <summary>
    /// The raw (still percent-encoded) <c>name=value</c> pairs after "SharedAccessSignature "; false when the value has
    /// another scheme, an empty name or a repeated name. API tokens and device-feed signatures share this format.
    /// </summary>
    public static bool TryParseParts(string value, out IReadOnlyDictionary<string, string> parts)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        parts = result;
        var prefix = Scheme + " ";
        if (!value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (var pair in value[prefix.Length..].Trim().Split('&'))
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0 || !result.TryAdd(pair[..equals], pair[(equals + 1)..]))
            {
                return false;
            }
        }

        return true;
    }
}
