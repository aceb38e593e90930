using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IoTCentral.Emulator.Auth.Identity;

/// <summary>
/// The little of JWT the emulator needs: RS256 signing of its own tokens, and reading and verifying RS256 (and the
/// PS256 some MSAL versions use for client assertions) signatures. No JWT library is on the package mirror, and
/// this keeps the emulator free of one.
/// </summary>
internal static class Jwt
{
    public const string Rs256 = "RS256";
    public const string Ps256 = "PS256";

    public static string Sign(JsonObject header, JsonObject payload, RSA key)
    {
        header["alg"] = Rs256;
        var signingInput = Encode(header) + "." + Encode(payload);
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>Splits and decodes a compact JWS; false when it is not three base64url parts with JSON objects.</summary>
    public static bool TryRead(string token, out JwtParts parts)
    {
        parts = null!;
        var segments = token.Split('.');
        if (segments.Length != 3)
        {
            return false;
        }

        try
        {
            var header = JsonNode.Parse(Base64Url.DecodeFromChars(segments[0])) as JsonObject;
            var payload = JsonNode.Parse(Base64Url.DecodeFromChars(segments[1])) as JsonObject;
            if (header is null || payload is null)
            {
                return false;
            }

            parts = new JwtParts(header, payload, Encoding.ASCII.GetBytes(segments[0] + "." + segments[1]), Base64Url.DecodeFromChars(segments[2]));
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return false;
        }
    }

    /// <summary>Verifies an RS256 or PS256 signature; any other algorithm (including "none") fails.</summary>
    public static bool Verify(JwtParts parts, RSA key)
    {
        var padding = parts.Algorithm switch
        {
            Rs256 => RSASignaturePadding.Pkcs1,
            Ps256 => RSASignaturePadding.Pss,
            _ => null,
        };
        return padding is not null && key.VerifyData(parts.SigningInput, parts.Signature, HashAlgorithmName.SHA256, padding);
    }

    private static string Encode(JsonObject part) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(part.ToJsonString()));
}
