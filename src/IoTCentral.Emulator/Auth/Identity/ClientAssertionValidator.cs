using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IoTCentral.Emulator.Auth.Identity;

/// <summary>
/// Checks a certificate credential's client assertion (RFC 7523) as Microsoft Entra does: a JWT signed (RS256 or
/// PS256) with the private key of the certificate registered for the client, naming that certificate by thumbprint
/// (<c>x5t</c> SHA-1 or <c>x5t#S256</c>), with <c>iss</c> = <c>sub</c> = client id, <c>aud</c> = the token endpoint,
/// and not expired by the emulator's clock.
/// </summary>
internal sealed class ClientAssertionValidator(IdentitySettings settings)
{
    public const string JwtBearerType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    public void Validate(string assertion, ServicePrincipalRegistration client, string tokenEndpoint)
    {
        if (client.Certificate is not { } certificate)
        {
            throw OAuthException.InvalidClient(700027, $"Client assertion failed: the application '{client.ClientId}' has no certificate registered.");
        }

        if (!Jwt.TryRead(assertion, out var jwt))
        {
            throw OAuthException.InvalidClient(50027, "Invalid JWT token: the client assertion is not a JWT.");
        }

        if (!NamesCertificate(jwt, certificate))
        {
            throw OAuthException.InvalidClient(700027,
                $"Client assertion contains an invalid signature: the certificate thumbprint in the header is not the one registered for '{client.ClientId}'.");
        }

        using var publicKey = certificate.GetRSAPublicKey();
        if (publicKey is null || !Jwt.Verify(jwt, publicKey))
        {
            throw OAuthException.InvalidClient(700027, "Client assertion contains an invalid signature.");
        }

        var claims = jwt.Payload;
        if (claims.GetString("iss") != client.ClientId || claims.GetString("sub") != client.ClientId)
        {
            throw OAuthException.InvalidClient(700023, "The client assertion's 'iss' and 'sub' must both be the client id.");
        }

        if (!claims.GetStrings("aud").Any(a => IsTokenEndpoint(a, tokenEndpoint)))
        {
            throw OAuthException.InvalidClient(700212, $"The client assertion's audience must be the token endpoint '{tokenEndpoint}'.");
        }

        var now = settings.Clock.GetUtcNow();
        if (claims.GetTime("exp") is not { } expires || now >= expires + BearerTokenValidator.ClockSkew)
        {
            throw OAuthException.InvalidClient(700024, "The client assertion is expired or has no 'exp' claim.");
        }

        if (claims.GetTime("nbf") is { } notBefore && now + BearerTokenValidator.ClockSkew < notBefore)
        {
            throw OAuthException.InvalidClient(700024, "The client assertion is not yet valid ('nbf').");
        }
    }

    private static bool NamesCertificate(JwtParts jwt, X509Certificate2 certificate)
    {
        var sha1 = jwt.Header.GetString("x5t");
        var sha256 = jwt.Header.GetString("x5t#S256");
        if (sha1 is null && sha256 is null)
        {
            // Without a thumbprint the signature check alone decides, against the one registered certificate.
            return true;
        }

        return (sha1 is not null && sha1 == Base64Url.EncodeToString(certificate.GetCertHash(HashAlgorithmName.SHA1)))
            || (sha256 is not null && sha256 == Base64Url.EncodeToString(certificate.GetCertHash(HashAlgorithmName.SHA256)));
    }

    /// <summary>The audience must be the token endpoint the client called (case and a trailing slash aside).</summary>
    private static bool IsTokenEndpoint(string audience, string tokenEndpoint) =>
        string.Equals(audience.TrimEnd('/'), tokenEndpoint.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
