using System.Globalization;
using System.Text.Json.Nodes;
using IoTCentral.Emulator.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IoTCentral.Emulator.Auth.Identity;

/// <summary>
/// The App Service / Azure Automation managed-identity endpoint (what <c>IDENTITY_ENDPOINT</c> points to, plain http
/// on loopback like the real one): <c>GET {endpoint}?api-version=2019-08-01&amp;resource=...</c> with the secret
/// <c>X-IDENTITY-HEADER</c> (<c>IDENTITY_HEADER</c>), and <c>client_id</c>, <c>mi_res_id</c> or <c>object_id</c>
/// for a user-assigned identity.
/// </summary>
internal static class ManagedIdentityApp
{
    public const string Path = "/msi/token";
    public const string ApiVersion = "2019-08-01";
    public const string SecretHeader = "X-IDENTITY-HEADER";

    public static WebApplication Build(string urls, IdentityServices identity)
    {
        var app = SlimWebHost.CreateBuilder(httpsCertificate: null).Build();
        SlimWebHost.Listen(app, urls);
        app.MapGet(Path, (HttpContext context) => Token(context, identity));
        return app;
    }

    private static IResult Token(HttpContext context, IdentityServices identity)
    {
        var request = context.Request;
        var secret = request.Headers[SecretHeader].ToString();
        if (secret.Length == 0)
        {
            return Error(StatusCodes.Status400BadRequest, $"The {SecretHeader} header is required (the value of IDENTITY_HEADER).");
        }

        if (secret != identity.ManagedIdentityHeader)
        {
            return Error(StatusCodes.Status401Unauthorized, $"The {SecretHeader} header does not match this endpoint's IDENTITY_HEADER.");
        }

        if (request.Query["api-version"].ToString() != ApiVersion)
        {
            return Error(StatusCodes.Status400BadRequest, $"The api-version query parameter must be '{ApiVersion}'.");
        }

        var resource = request.Query["resource"].ToString();
        if (resource.Length == 0)
        {
            return Error(StatusCodes.Status400BadRequest, "The resource query parameter is required (e.g. https://apps.azureiotcentral.com).");
        }

        string? Query(string name) => request.Query[name].ToString() is { Length: > 0 } value ? value : null;
        var managedIdentity = identity.Identities.FindManagedIdentity(Query("client_id"), Query("mi_res_id"), Query("object_id"));
        if (managedIdentity is null)
        {
            return Error(StatusCodes.Status400BadRequest,
                "No managed identity matches the request: register one with EmulatorServer.Identity.RegisterManagedIdentity (system-assigned, or with the client id, resource id or object id asked for).");
        }

        var token = identity.Issuer.ForApplication(managedIdentity.TenantId, managedIdentity.ClientId, managedIdentity.ObjectId, resource, "2", managedIdentity.ResourceId);
        return Results.Json(new JsonObject
        {
            ["access_token"] = token.Value,
            // As App Service sends it: seconds since the Unix epoch, as a string.
            ["expires_on"] = token.ExpiresOn.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["resource"] = resource,
            ["token_type"] = "Bearer",
            ["client_id"] = managedIdentity.ClientId,
        });
    }

    /// <summary>App Service's error shape: <c>{"statusCode","message","correlationId"}</c>.</summary>
    private static IResult Error(int statusCode, string message) => Results.Json(new JsonObject
    {
        ["statusCode"] = statusCode,
        ["message"] = message,
        ["correlationId"] = Guid.NewGuid().ToString(),
    }, statusCode: statusCode);
}
