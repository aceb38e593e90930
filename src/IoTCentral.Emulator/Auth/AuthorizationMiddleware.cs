using IoTCentral.Emulator.Http;
using Microsoft.AspNetCore.Http;

namespace IoTCentral.Emulator.Auth;

/// <summary>
/// Checks the matched endpoint's <see cref="RequiredPermission"/> against the caller's roles (403 otherwise).
/// Runs after routing, so unknown paths still answer 404.
/// </summary>
internal sealed class AuthorizationMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var required = context.GetEndpoint()?.Metadata.GetMetadata<RequiredPermission>();
        if (required is not null)
        {
            var caller = CallerIdentity.Of(context)
                ?? throw ApiException.Unauthorized("The request is not authenticated.", ErrorCodes.MissingAuthorization);
            if (!caller.IsApplicationUser)
            {
                throw ApiException.Forbidden(
                    $"{caller.Description} is not a user of this application; an administrator must add it (PUT /api/users/{{userId}}) with a role.");
            }

            if (!PermissionTable.Allows(caller.Roles.Select(r => r.Role), required.Permission))
            {
                throw ApiException.Forbidden(
                    $"{caller.Description} does not have a role that allows this operation ({required.Permission}).");
            }
        }

        return next(context);
    }
}
