using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace IoTCentral.Emulator.Auth.Identity;

/// <summary>
/// The grants of the emulator's token service (<c>/{tenant}/oauth2/v2.0/token</c> and <c>/devicecode</c>):
/// client credentials with a secret or a certificate assertion, and the device-code flow. Refresh tokens are not
/// issued: a client signs in again when its access token expires.
/// </summary>
internal sealed class TokenService(EmulatorIdentities identities, AccessTokenIssuer issuer, ClientAssertionValidator assertions, IdentitySettings settings)
{
    public const string ClientCredentialsGrant = "client_credentials";
    public const string DeviceCodeGrant = "urn:ietf:params:oauth:grant-type:device_code";

    /// <summary>The short form MSAL sends (Microsoft Entra accepts both).</summary>
    public const string DeviceCodeGrantShort = "device_code";

    /// <summary>Seconds between polls the device-code response asks for: short, so tests and scripts do not wait.</summary>
    public const int DeviceCodePollInterval = 1;

    private static readonly string[] TenantAliases = ["common", "organizations", "consumers"];

    public JsonObject Token(IFormCollection form, string tenant, string tokenEndpoint, Uri authorityHost) => (string?)form["grant_type"] switch
    {
        ClientCredentialsGrant => ClientCredentials(form, tenant, tokenEndpoint),
        DeviceCodeGrant or DeviceCodeGrantShort => RedeemDeviceCode(form, authorityHost),
        null or "" => throw OAuthException.InvalidRequest(900144, "The request body must contain the parameter 'grant_type'."),
        var other => throw new OAuthException(StatusCodes.Status400BadRequest, "unsupported_grant_type", 70003,
            $"The grant type '{other}' is not supported by the IoT Central emulator (client_credentials and device_code are)."),
    };

    public JsonObject BeginDeviceCode(IFormCollection form, string tenant, Uri authorityHost)
    {
        var clientId = Required(form, "client_id");
        var scope = RequestedScope.Parse(form["scope"]) ?? throw OAuthException.InvalidScope($"The scope '{form["scope"]}' names no resource; ask for e.g. '{EntraTokens.IoTCentralResource}/.default'.");
        var grant = identities.BeginDeviceCode(clientId, tenant, scope);
        var verificationUri = new Uri(authorityHost, DeviceLoginPage.Path).ToString();
        return new JsonObject
        {
            ["user_code"] = grant.UserCode,
            ["device_code"] = grant.DeviceCode,
            ["verification_uri"] = verificationUri,
            ["expires_in"] = (long)DeviceCodeGrants.Lifetime.TotalSeconds,
            ["interval"] = DeviceCodePollInterval,
            ["message"] = $"To sign in, use a web browser to open the page {verificationUri} and enter the code {grant.UserCode} to authenticate. (IoT Central emulator: the page lets you pick a registered user.)",
        };
    }

    private JsonObject ClientCredentials(IFormCollection form, string tenant, string tokenEndpoint)
    {
        var clientId = Required(form, "client_id");
        var scope = RequestedScope.Parse(form["scope"]);
        if (scope is null || scope.ScopeName != RequestedScope.Default)
        {
            throw OAuthException.InvalidScope($"The client credentials flow needs one scope of the form '<resource>/.default', e.g. '{EntraTokens.IoTCentralResource}/.default'; got '{form["scope"]}'.");
        }

        var client = identities.FindServicePrincipal(clientId);
        if (client is null || !string.Equals(client.TenantId, tenant, StringComparison.OrdinalIgnoreCase))
        {
            throw OAuthException.InvalidClient(700016,
                $"Application with identifier '{clientId}' was not found in the directory '{tenant}'. Register it with EmulatorServer.Identity.RegisterServicePrincipal (or the identities file) under that tenant.");
        }

        var appIdAcr = Authenticate(form, client, tokenEndpoint);
        var token = issuer.ForApplication(client.TenantId, client.ClientId, client.ObjectId, scope.Resource, appIdAcr);
        return TokenResponse(token, scope);
    }

    /// <summary>Checks the client's secret or certificate assertion; returns <c>appidacr</c> ("1" secret, "2" certificate).</summary>
    private string Authenticate(IFormCollection form, ServicePrincipalRegistration client, string tokenEndpoint)
    {
        if ((string?)form["client_secret"] is { } secret)
        {
            if (client.ClientSecret is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(client.ClientSecret)))
            {
                throw OAuthException.InvalidClient(7000215, $"Invalid client secret provided. Ensure the secret being sent in the request is the client secret value for app '{client.ClientId}'.");
            }

            return "1";
        }

        if ((string?)form["client_assertion"] is { } assertion)
        {
            if ((string?)form["client_assertion_type"] != ClientAssertionValidator.JwtBearerType)
            {
                throw OAuthException.InvalidRequest(50027, $"client_assertion_type must be '{ClientAssertionValidator.JwtBearerType}'.");
            }

            assertions.Validate(assertion, client, tokenEndpoint);
            return "2";
        }

        throw OAuthException.InvalidClient(7000218, "The request body must contain the parameter 'client_assertion' or 'client_secret'.");
    }

    private JsonObject RedeemDeviceCode(IFormCollection form, Uri authorityHost)
    {
        var grant = identities.DeviceCodes.Poll(Required(form, "device_code"))
            ?? throw OAuthException.InvalidGrant(70000, "The device code is unknown or was already redeemed.");
        if (grant.ExpiresOn <= settings.Clock.GetUtcNow())
        {
            throw new OAuthException(StatusCodes.Status400BadRequest, "expired_token", 70020, "The device code expired; start a new sign-in.");
        }

        if (grant.ApprovedBy is not { } user)
        {
            throw new OAuthException(StatusCodes.Status400BadRequest, "authorization_pending", 70016,
                "The user has not finished signing in yet (EmulatorServer.Identity.CompleteDeviceCode or the /devicelogin page).");
        }

        if (!TenantAliases.Contains(grant.Tenant, StringComparer.OrdinalIgnoreCase) && !string.Equals(grant.Tenant, user.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            throw OAuthException.InvalidGrant(50020, $"The user '{user.UserPrincipalName}' is not in the tenant '{grant.Tenant}' the sign-in was started for.");
        }

        var response = TokenResponse(issuer.ForUser(user, grant.ClientId, grant.Scope), grant.Scope);
        response["id_token"] = issuer.IdToken(user, grant.ClientId, authorityHost);
        // MSAL builds the account's home id from client_info (uid.utid).
        response["client_info"] = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(new JsonObject { ["uid"] = user.ObjectId, ["utid"] = user.TenantId }.ToJsonString()));
        return response;
    }

    private JsonObject TokenResponse(IssuedToken token, RequestedScope scope)
    {
        var seconds = (long)(token.ExpiresOn - token.IssuedAt).TotalSeconds;
        return new JsonObject
        {
            ["token_type"] = "Bearer",
            ["scope"] = $"{scope.Resource}/{scope.ScopeName}",
            ["expires_in"] = seconds,
            ["ext_expires_in"] = seconds,
            ["access_token"] = token.Value,
        };
    }

    private static string Required(IFormCollection form, string name) =>
        (string?)form[name] is { Length: > 0 } value ? value : throw OAuthException.InvalidRequest(900144, $"The request body must contain the parameter '{name}'.");
}
