using Microsoft.AspNetCore.Builder;

namespace IoTCentral.Emulator.Auth;

/// <summary>Endpoint metadata naming the permission <see cref="AuthorizationMiddleware"/> checks.</summary>
internal sealed record RequiredPermission(Permission Permission);

internal static class RequiredPermissionExtensions
{
    /// <summary>Every emulator endpoint declares what it needs; the authorization middleware enforces it.</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiredPermission(permission));
}
