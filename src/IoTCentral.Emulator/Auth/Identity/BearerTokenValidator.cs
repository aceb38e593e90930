using IoTCentral.Emulator.Http;

namespace IoTCentral.Emulator.Auth.Identity;

/// <summary>
/// Checks a bearer token the way the application would check a Microsoft Entra token: an RS256 signature by the
/// emulator's token service key, the v1 issuer of the token's tenant, IoT Central's audience, and the validity
/// window by the emulator's clock. Failures are 401 with a message that says which check failed.
/// </summary>
internal sealed class BearerTokenValidator(TokenSigningKey signingKey, IdentitySettings settings)
{
    /// <summary>Tolerance for clock differences, as token validators usually allow.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public EntraPrincipal Validate(string token) => Validate(token, EntraTokens.IoTCentralResource, "IoT Central");

    /// <summary>As above, for a token meant for <paramref name="resource"/> (IoT Central's, or Azure Resource Manager's).</summary>
    public EntraPrincipal Validate(string token, string resource, string resourceName)
    {
        if (!Jwt.TryRead(token, out var jwt))
        {
            throw Invalid("it is not a JWT (three base64url parts)");
        }

        if (jwt.Algorithm != Jwt.Rs256 || jwt.Header.GetString("kid") != signingKey.KeyId || !Jwt.Verify(jwt, signingKey.Key))
        {
            throw Invalid("its signature does not verify with the emulator's token signing key (tampered, or issued by another token service or emulator run)");
        }

        var claims = jwt.Payload;
        var tenantId = claims.GetString("tid");
        var objectId = claims.GetString("oid");
        if (tenantId is null || objectId is null)
        {
            throw Invalid("the 'tid' and 'oid' claims are required");
        }

        var issuer = claims.GetString("iss");
        if (issuer != EntraTokens.AccessTokenIssuer(tenantId))
        {
            throw Invalid($"the issuer '{issuer}' is not '{EntraTokens.AccessTokenIssuer(tenantId)}'");
        }

        var audiences = claims.GetStrings("aud");
        if (!audiences.Any(a => EntraTokens.IsAudienceOf(a, resource)))
        {
            throw new ApiException(401, ErrorCodes.InvalidAuthorization,
                $"The Bearer token is not valid: its audience '{string.Join(", ", audiences)}' is not {resourceName} ('{resource}'); request the scope '{resource}/.default'.")
            {
                WrongAudience = true,
            };
        }

        CheckLifetime(claims.GetTime("nbf"), claims.GetTime("exp"));
        var isApplication = claims.GetString("idtyp") == EntraTokens.ApplicationIdentityType;
        return new EntraPrincipal(tenantId, objectId, isApplication, claims.GetString("appid"),
            claims.GetString("upn") ?? claims.GetString("unique_name"), claims.GetStrings("groups"));
    }

    private void CheckLifetime(DateTimeOffset? notBefore, DateTimeOffset? expires)
    {
        if (expires is null)
        {
            throw Invalid("the 'exp' claim is required");
        }

        var now = settings.Clock.GetUtcNow();
        if (now >= expires.Value + ClockSkew)
        {
            throw ApiException.Unauthorized(
                $"The Bearer token expired at {EmulatorJson.FormatTimestamp(expires.Value)}; get a new token.", ErrorCodes.ExpiredToken);
        }

        if (notBefore is { } nbf && now + ClockSkew < nbf)
        {
            throw Invalid($"it is not valid before {EmulatorJson.FormatTimestamp(nbf)}");
        }
    }

    private static ApiException Invalid(string reason) => ApiException.Unauthorized($"The Bearer token is not valid: {reason}.");
}
