using IoTCentral.Emulator.Auth;
using IoTCentral.Emulator.Features.DataExport;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IoTCentral.Emulator.Features.Organizations;

/// <summary>Organizations_List, Organizations_Get, Organizations_Create, Organizations_Update and Organizations_Remove.</summary>
internal static class OrganizationRoutes
{
    public static void MapOrganizationRoutes(this IEndpointRouteBuilder api)
    {
        api.MapGet("/organizations", (HttpContext context, OrganizationService organizations, Paging paging) =>
                Json(paging.Page(context, organizations.List(), o => o.Id, OrganizationResponse.From)))
            .RequirePermission(Permission.ReadOrganizations);

        api.MapGet("/organizations/{organizationId}", (string organizationId, OrganizationService organizations) =>
                Json(OrganizationResponse.From(organizations.Get(organizationId))))
            .RequirePermission(Permission.ReadOrganizations);

        api.MapPut("/organizations/{organizationId}", async (string organizationId, HttpContext context, OrganizationService organizations) =>
                Json(OrganizationResponse.From(organizations.CreateOrReplace(organizationId, new JsonFields(await JsonBody.ReadObjectAsync(context, JsonBody.Json))))))
            .RequirePermission(Permission.ManageOrganizations)
            .Audited(AuditedChanges.Organization, "organizationId", OrganizationName);

        api.MapPatch("/organizations/{organizationId}", async (string organizationId, HttpContext context, OrganizationService organizations) =>
                Json(OrganizationResponse.From(organizations.Update(organizationId, await JsonBody.ReadObjectAsync(context, JsonBody.Json, JsonBody.MergePatchJson)))))
            .RequirePermission(Permission.ManageOrganizations)
            .Audited(AuditedChanges.Organization, "organizationId", OrganizationName);

        api.MapDelete("/organizations/{organizationId}", (string organizationId, OrganizationService organizations) =>
            {
                organizations.Remove(organizationId);
                return Results.NoContent();
            })
            .RequirePermission(Permission.ManageOrganizations)
            .Audited(AuditedChanges.Organization, "organizationId", OrganizationName);
    }

    private static string? OrganizationName(EmulatorState state, string id) => state.Organizations.GetValueOrDefault(id)?.DisplayName;

    private static IResult Json<T>(T body) => Results.Json(body, EmulatorJson.Options);
}
