using IoTCentral.Emulator.Auth;
using IoTCentral.Emulator.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IoTCentral.Emulator.Features.Roles;

/// <summary>Roles_List and Roles_Get.</summary>
internal static class RoleRoutes
{
    private sealed record RoleResponse(string Id, string DisplayName);

    public static void MapRoleRoutes(this IEndpointRouteBuilder api)
    {
        api.MapGet("/roles", (HttpContext context, Paging paging) =>
                Results.Json(paging.Page(context, BuiltInRoles.All, r => r.Id, ToResponse), EmulatorJson.Options))
            .RequirePermission(Permission.ReadRoles);

        api.MapGet("/roles/{roleId}", (string roleId) =>
                Results.Json(ToResponse(BuiltInRoles.Find(roleId)
                    ?? throw ApiException.NotFound($"The role '{roleId}' does not exist.", ErrorCodes.RoleNotFound)), EmulatorJson.Options))
            .RequirePermission(Permission.ReadRoles);
    }

    private static RoleResponse ToResponse(RoleDefinition role) => new(role.Id, role.DisplayName);
}
