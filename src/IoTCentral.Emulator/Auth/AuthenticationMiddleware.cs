using IoTCentral.Emulator.Http;
using Microsoft.AspNetCore.Http;

namespace IoTCentral.Emulator.Auth;

/// <summary>
/// Authenticates every request under <c>/api</c> with its Authorization header: a Microsoft Entra bearer token
/// ("Bearer ...") or an API token value ("SharedAccessSignature ...").
/// </summary>
internal sealed class AuthenticationMiddleware(RequestDelegate next, ApiTokenAuthenticator apiTokens, BearerAuthenticator bearerTokens)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(EmulatorApp.ApiBasePath, StringComparison.OrdinalIgnoreCase))
        {
            var authorization = SingleAuthorization(context.Request.Headers.Authorization);
            context.Features.Set(BearerAuthenticator.IsBearer(authorization)
                ? bearerTokens.Authenticate(authorization)
                : apiTokens.Authenticate(authorization));
        }

        return next(context);
    }

    private static string SingleAuthorization(Microsoft.Extensions.Primitives.StringValues authorization)
    {
        if (authorization.Count == 0 || string.IsNullOrWhiteSpace(authorization[0]))
        {
            throw ApiException.Unauthorized(
                "The Authorization header is missing. Send an API token value (SharedAccessSignature sr=...) or a Microsoft Entra token (Bearer ...).",
                ErrorCodes.MissingAuthorization);
        }

        return authorization.Count == 1 ? authorization[0]!.Trim() : throw ApiException.Unauthorized("Send one Authorization header.");
    }
}
