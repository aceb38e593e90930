using IoTCentral.Emulator.Http;
using Microsoft.AspNetCore.Http;

namespace IoTCentral.Emulator.Auth;

/// <summary>Authenticates every request under <c>/api</c> with its Authorization header.</summary>
internal sealed class AuthenticationMiddleware(RequestDelegate next, ApiTokenAuthenticator authenticator)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(EmulatorApp.ApiBasePath, StringComparison.OrdinalIgnoreCase))
        {
            context.Features.Set(authenticator.Authenticate(context.Request.Headers.Authorization));
        }

        return next(context);
    }
}
