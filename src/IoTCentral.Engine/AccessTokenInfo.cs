using System;
using System.Security;
using System.Text;
using System.Text.Json;
using IoTCentral.Engine.Internal;
using IoTCentral.Engine.Json;

namespace IoTCentral.Engine;

/// <summary>
/// Who a JWT bearer token names and when it expires, decoded without checking the signature: for display only,
/// the service does the real validation.
/// </summary>
public sealed class AccessTokenInfo
{
    private static readonly string[] IdentityClaims = { "upn", "unique_name", "preferred_username", "appid", "azp", "oid" };

    private AccessTokenInfo(DateTimeOffset? expiresOn, string? identity, string? tenantId)
    {
        ExpiresOn = expiresOn;
        Identity = identity;
        TenantId = tenantId;
    }

    public DateTimeOffset? ExpiresOn { get; }

    /// <summary>The first of upn, unique_name, preferred_username, appid, azp, oid that the token carries.</summary>
    public string? Identity { get; }

    public string? TenantId { get; }

    public static AccessTokenInfo Parse(SecureString jwt)
    {
        if (jwt is null)
        {
            throw new ArgumentNullException(nameof(jwt));
        }

        var text = SecureStrings.ToPlainText(jwt).Trim();
        if (text.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            text = text.Substring("Bearer ".Length).Trim();
        }

        var parts = text.Split('.');
        if (parts.Length != 3 || parts[1].Length == 0)
        {
            throw new FormatException("The value is not a JSON Web Token: expected three dot-separated parts.");
        }

        try
        {
            using var document = JsonDocument.Parse(Base64UrlDecode(parts[1]));
            var claims = document.RootElement;
            if (claims.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("The value is not a JSON Web Token: its payload is not a JSON object.");
            }

            return new AccessTokenInfo(ReadExpiry(claims), ReadIdentity(claims), claims.GetString("tid"));
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException)
        {
            throw new FormatException("The value is not a JSON Web Token: its payload cannot be decoded.");
        }
    }

    private static DateTimeOffset? ReadExpiry(JsonElement claims) =>
        claims.TryGetProperty("exp", out var exp) && exp.ValueKind == JsonValueKind.Number && exp.TryGetInt64(out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private static string? ReadIdentity(JsonElement claims)
    {
        foreach (var name in IdentityClaims)
        {
            var value = claims.GetString(name);
            if (!string.IsNullOrEmpty(value))
            {
                return value;
            }
        }

        return null;
    }

    private static byte[] Base64UrlDecode(string value)
    {
        var base64 = new StringBuilder(value.Replace('-', '+').Replace('_', '/'));
        while (base64.Length % 4 != 0)
        {
            base64.Append('=');
        }

        return Convert.FromBase64String(base64.ToString());
    }
}
