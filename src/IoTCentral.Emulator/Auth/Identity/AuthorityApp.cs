using System.Text.Json.Nodes;
using IoTCentral.Emulator.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IoTCentral.Emulator.Auth.Identity;

/// <summary>
/// The token service host (the emulator's Microsoft Entra stand-in), on its own https listener: the endpoints MSAL
/// and Azure.Identity use against an authority <c>https://127.0.0.1:PORT/{tenant}</c> (clients must disable instance
/// discovery, as for any authority that is not a Microsoft cloud).
/// </summary>
internal static class AuthorityApp
{
    public static WebApplication Build(string urls, IdentityServices identity)
    {
        var builder = SlimWebHost.CreateBuilder(identity.Certificate);
        builder.Services.AddSingleton(identity.Identities);
        builder.Services.AddSingleton(identity.TokenService);
        var app = builder.Build();
        SlimWebHost.Listen(app, urls);

        var clock = identity.Settings.Clock;
        var routes = app.MapGroup(string.Empty).AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (OAuthException e)
            {
                return e.ToResult(clock);
            }
        });

        routes.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant, HttpContext context) =>
            Results.Json(OpenIdConfiguration(AuthorityHost(context), tenant)));
        routes.MapGet("/{tenant}/discovery/v2.0/keys", () => Results.Json(Keys(identity.SigningKey)));
        routes.MapGet("/{tenant}/discovery/keys", () => Results.Json(Keys(identity.SigningKey)));
        routes.MapGet("/{tenant}/discovery/instance", (string tenant, HttpContext context) => Results.Json(InstanceDiscovery(AuthorityHost(context), tenant)));

        routes.MapPost("/{tenant}/oauth2/v2.0/token", async (string tenant, HttpContext context, TokenService tokens) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var tokenEndpoint = new Uri(AuthorityHost(context), $"{tenant}/oauth2/v2.0/token").ToString();
            return Results.Json(tokens.Token(form, tenant, tokenEndpoint, AuthorityHost(context)));
        });
        routes.MapPost("/{tenant}/oauth2/v2.0/devicecode", async (string tenant, HttpContext context, TokenService tokens) =>
            Results.Json(tokens.BeginDeviceCode(await context.Request.ReadFormAsync(context.RequestAborted), tenant, AuthorityHost(context))));

        routes.MapGet(DeviceLoginPage.Path, () => DeviceLoginPage.Form());
        routes.MapPost(DeviceLoginPage.Path, DeviceLoginPage.SubmitAsync);
        return app;
    }

    /// <summary>The authority host as the client called it (so metadata names the address the client can reach).</summary>
    private static Uri AuthorityHost(HttpContext context) => new($"{context.Request.Scheme}://{context.Request.Host}/");

    private static JsonObject OpenIdConfiguration(Uri host, string tenant)
    {
        string Url(string path) => new Uri(host, $"{tenant}/{path}").ToString();
        return new JsonObject
        {
            ["issuer"] = EntraTokens.IdTokenIssuer(host, tenant),
            ["authorization_endpoint"] = Url("oauth2/v2.0/authorize"),
            ["token_endpoint"] = Url("oauth2/v2.0/token"),
            ["device_authorization_endpoint"] = Url("oauth2/v2.0/devicecode"),
            ["jwks_uri"] = Url("discovery/v2.0/keys"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("client_secret_post", "private_key_jwt"),
            ["grant_types_supported"] = new JsonArray(TokenService.ClientCredentialsGrant, TokenService.DeviceCodeGrant),
            ["response_types_supported"] = new JsonArray("code", "id_token", "code id_token", "id_token token"),
            ["subject_types_supported"] = new JsonArray("pairwise"),
            ["id_token_signing_alg_values_supported"] = new JsonArray(Jwt.Rs256),
            ["scopes_supported"] = new JsonArray("openid", "profile", "email", "offline_access"),
            ["claims_supported"] = new JsonArray("sub", "iss", "aud", "exp", "iat", "nbf", "name", "oid", "tid", "preferred_username", "ver"),
            ["tenant_region_scope"] = null,
            ["cloud_instance_name"] = "iotcentral-emulator",
        };
    }

    private static JsonObject Keys(TokenSigningKey key) => new() { ["keys"] = new JsonArray(key.ToJwk()) };

    /// <summary>Instance discovery: the emulator is its own cloud, with one alias (its host).</summary>
    private static JsonObject InstanceDiscovery(Uri host, string tenant)
    {
        var authority = host.Authority;
        return new JsonObject
        {
            ["tenant_discovery_endpoint"] = new Uri(host, $"{tenant}/v2.0/.well-known/openid-configuration").ToString(),
            ["api-version"] = "1.1",
            ["metadata"] = new JsonArray(new JsonObject
            {
                ["preferred_network"] = authority,
                ["preferred_cache"] = authority,
                ["aliases"] = new JsonArray(authority),
            }),
        };
    }
}
