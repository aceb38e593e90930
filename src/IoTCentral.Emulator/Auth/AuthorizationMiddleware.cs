using IoTCentral.Emulator.Auth.Scope;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;
using Microsoft.AspNetCore.Http;

namespace IoTCentral.Emulator.Auth;

/// <summary>
/// Checks the matched endpoint's <see cref="RequiredPermission"/> against the caller's roles (403 otherwise), then
/// sets the request's <see cref="OrganizationScope"/> and applies it to the ids in the path. Runs after routing, so
/// unknown paths still answer 404.
/// </summary>
internal sealed class AuthorizationMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, StateStore store)
    {
        var required = context.GetEndpoint()?.Metadata.GetMetadata<RequiredPermission>();
        if (required is null)
        {
            await next(context);
            return;
        }

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

        var scope = store.Read(state =>
        {
            var scope = OrganizationScope.For(caller.Roles, required.Permission, state);
            ScopedRouteValues.Check(context, scope, state);
            return scope;
        });
        if (!scope.IsApplicationWide && PermissionTable.IsApplicationWide(required.Permission))
        {
            throw ApiException.Forbidden(
                $"{caller.Description} has this permission ({required.Permission}) only in organization(s); it applies to the whole application.");
        }

        OrganizationScope.Current = scope;
        await next(context);
    }
}
