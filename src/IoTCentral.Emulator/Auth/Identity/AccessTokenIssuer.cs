using System.Text.Json.Nodes;

namespace IoTCentral.Emulator.Auth.Identity;

/// <summary>
/// Mints the RS256 JWTs the emulator's token service and managed-identity endpoint hand out, with the claims
/// Microsoft Entra puts in v1 access tokens (and v2 ID tokens for the device-code flow). Times come from the
/// emulator's clock, so a test's fake clock controls expiry.
/// </summary>
internal sealed class AccessTokenIssuer(TokenSigningKey signingKey, IdentitySettings settings)
{
    /// <summary>
    /// An app-only token (service principal or managed identity); <paramref name="appIdAcr"/> says how the client
    /// proved itself: "1" secret, "2" certificate (also managed identities).
    /// </summary>
    public IssuedToken ForApplication(string tenantId, string clientId, string objectId, string resource, string appIdAcr, string? managedIdentityResourceId = null)
    {
        var claims = Common(tenantId, objectId, resource, out var issuedAt, out var expiresOn);
        claims["appid"] = clientId;
        claims["appidacr"] = appIdAcr;
        claims["idtyp"] = EntraTokens.ApplicationIdentityType;
        if (managedIdentityResourceId is not null)
        {
            claims["xms_mirid"] = managedIdentityResourceId;
        }

        return new IssuedToken(Sign(claims), issuedAt, expiresOn);
    }

    /// <summary>A delegated token: the user, signed in through the public client <paramref name="clientId"/>.</summary>
    public IssuedToken ForUser(UserRegistration user, string clientId, RequestedScope scope)
    {
        var claims = Common(user.TenantId, user.ObjectId, scope.Resource, out var issuedAt, out var expiresOn);
        claims["appid"] = clientId;
        claims["appidacr"] = "0";
        claims["idtyp"] = EntraTokens.UserIdentityType;
        claims["scp"] = scope.ScopeName == RequestedScope.Default ? "user_impersonation" : scope.ScopeName;
        claims["upn"] = user.UserPrincipalName;
        claims["unique_name"] = user.UserPrincipalName;
        claims["name"] = user.UserPrincipalName;
        if (user.Groups.Count > 0)
        {
            claims["groups"] = new JsonArray(user.Groups.Select(g => (JsonNode)g).ToArray());
        }

        return new IssuedToken(Sign(claims), issuedAt, expiresOn);
    }

    /// <summary>The OpenID Connect ID token MSAL reads the signed-in account from.</summary>
    public string IdToken(UserRegistration user, string clientId, Uri authorityHost)
    {
        var now = settings.Clock.GetUtcNow();
        return Sign(new JsonObject
        {
            ["aud"] = clientId,
            ["iss"] = EntraTokens.IdTokenIssuer(authorityHost, user.TenantId),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + settings.AccessTokenLifetime).ToUnixTimeSeconds(),
            ["name"] = user.UserPrincipalName,
            ["oid"] = user.ObjectId,
            ["preferred_username"] = user.UserPrincipalName,
            ["sub"] = user.ObjectId,
            ["tid"] = user.TenantId,
            ["ver"] = "2.0",
        });
    }

    private JsonObject Common(string tenantId, string objectId, string resource, out DateTimeOffset issuedAt, out DateTimeOffset expiresOn)
    {
        issuedAt = settings.Clock.GetUtcNow();
        expiresOn = issuedAt + settings.AccessTokenLifetime;
        return new JsonObject
        {
            ["aud"] = resource,
            ["iss"] = EntraTokens.AccessTokenIssuer(tenantId),
            ["iat"] = issuedAt.ToUnixTimeSeconds(),
            ["nbf"] = issuedAt.ToUnixTimeSeconds(),
            ["exp"] = expiresOn.ToUnixTimeSeconds(),
            ["oid"] = objectId,
            ["sub"] = objectId,
            ["tid"] = tenantId,
            ["uti"] = Guid.NewGuid().ToString("N"),
            ["ver"] = "1.0",
        };
    }

    private string Sign(JsonObject claims) =>
        Jwt.Sign(new JsonObject { ["typ"] = "JWT", ["kid"] = signingKey.KeyId, ["x5t"] = signingKey.KeyId }, claims, signingKey.Key);
}
