using IoTCentral.Emulator.Auth;
using IoTCentral.Emulator.Features.DataExport;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IoTCentral.Emulator.Features.Documents;

/// <summary>Dashboards_* and DeploymentManifests_* (2022-10-31-preview only).</summary>
internal static class DocumentRoutes
{

    public static void MapDocumentRoutes(this IEndpointRouteBuilder api)
    {
        // Builders design dashboards and edge manifests; everyone who reads devices may look at them.
        Map(api, "/dashboards", "dashboardId", DocumentService.Dashboard, AuditedChanges.Dashboard, Permission.ReadDevices, Permission.ManageDeviceTemplates, [JsonBody.Json, JsonBody.MergePatchJson], orderBy: true);

        // The spec's DeploymentManifests_Update consumes only application/merge-patch+json, and its list has no orderby.
        Map(api, "/deploymentManifests", "deploymentManifestId", DocumentService.DeploymentManifest, AuditedChanges.DeploymentManifest, Permission.ReadDeviceTemplates, Permission.ManageDeviceTemplates, [JsonBody.MergePatchJson], orderBy: false);
    }

    private static void Map(IEndpointRouteBuilder api, string path, string idName, DocumentKind kind, string auditType, Permission read, Permission manage, string[] patchTypes, bool orderBy)
    {
        var item = path + "/{" + idName + "}";
        string? DisplayName(EmulatorState state, string id) => AuditedChanges.NameInBody(kind.Collection(state).GetValueOrDefault(id)?.Body, id);

        api.MapGet(path, (HttpContext context, DocumentService documents, Paging paging) =>
            {
                SpecBodies.RequirePreview(context, kind.What);
                if (!orderBy && context.Request.Query.ContainsKey("orderby"))
                {
                    throw ApiException.BadRequest($"The {kind.What} list has no 'orderby' query parameter.");
                }

                return Json(paging.Page(context, kind.ListFields, () => documents.All(kind), (after, count) => documents.Page(kind, after, count),
                    d => DocumentService.Response(kind, d)));
            })
            .RequirePermission(read);

        api.MapGet(item, (HttpContext context, DocumentService documents) =>
            {
                SpecBodies.RequirePreview(context, kind.What);
                return Json(DocumentService.Response(kind, documents.Get(kind, Id(context, idName))));
            })
            .RequirePermission(read);

        api.MapPut(item, async (HttpContext context, DocumentService documents) =>
            {
                SpecBodies.RequirePreview(context, kind.What);
                var body = await JsonBody.ReadObjectAsync(context, JsonBody.Json);
                return Json(DocumentService.Response(kind, documents.CreateOrReplace(kind, Id(context, idName), body, context.Request.Headers.IfMatch)));
            })
            .RequirePermission(manage)
            .Audited(auditType, idName, DisplayName);

        api.MapPatch(item, async (HttpContext context, DocumentService documents) =>
            {
                SpecBodies.RequirePreview(context, kind.What);
                var body = await JsonBody.ReadObjectAsync(context, patchTypes);
                return Json(DocumentService.Response(kind, documents.Update(kind, Id(context, idName), body, context.Request.Headers.IfMatch)));
            })
            .RequirePermission(manage)
            .Audited(auditType, idName, DisplayName);

        api.MapDelete(item, (HttpContext context, DocumentService documents) =>
            {
                SpecBodies.RequirePreview(context, kind.What);
                documents.Remove(kind, Id(context, idName));
                return Results.NoContent();
            })
            .RequirePermission(manage)
            .Audited(auditType, idName, DisplayName);
    }

    private static string Id(HttpContext context, string name) => (string)context.Request.RouteValues[name]!;

    private static IResult Json<T>(T body) => Results.Json(body, EmulatorJson.Options);
}
