using IoTCentral.Emulator.Auth;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IoTCentral.Emulator.Features.DataExport;

/// <summary>Destinations_* and Exports_* (six operations each), in api-version 2022-10-31-preview only.</summary>
internal static class DataExportRoutes
{
    private const string Feature = "data export API";

    public static void MapDataExportRoutes(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/dataExport").AddEndpointFilter((context, next) =>
        {
            ApiVersions.RequirePreview(context.HttpContext, Feature);
            return next(context);
        });

        group.MapGet("/destinations", (HttpContext context, DataExportService exports, Paging paging) =>
                Json(paging.Page(context, exports.Destinations(), d => d.Id, d => exports.DestinationResponse(d))))
            .RequirePermission(Permission.ManageDataExport);

        group.MapGet("/destinations/{destinationId}", (string destinationId, DataExportService exports) =>
                Json(exports.DestinationResponse(exports.Destination(destinationId))))
            .RequirePermission(Permission.ManageDataExport);

        group.MapPut("/destinations/{destinationId}", async (string destinationId, HttpContext context, DataExportService exports) =>
                Json(exports.DestinationResponse(exports.PutDestination(destinationId, await JsonBody.ReadObjectAsync(context, JsonBody.Json)))))
            .RequirePermission(Permission.ManageDataExport)
            .Audited(AuditedChanges.Destination, "destinationId", DestinationName);

        group.MapPatch("/destinations/{destinationId}", async (string destinationId, HttpContext context, DataExportService exports) =>
                Json(exports.DestinationResponse(exports.PatchDestination(
                    destinationId, await JsonBody.ReadObjectAsync(context, JsonBody.Json, JsonBody.MergePatchJson)))))
            .RequirePermission(Permission.ManageDataExport)
            .Audited(AuditedChanges.Destination, "destinationId", DestinationName);

        group.MapDelete("/destinations/{destinationId}", (string destinationId, DataExportService exports) =>
            {
                exports.RemoveDestination(destinationId);
                return Results.NoContent();
            })
            .RequirePermission(Permission.ManageDataExport)
            .Audited(AuditedChanges.Destination, "destinationId", DestinationName);

        group.MapGet("/destinations/{destinationId}/exports", (string destinationId, HttpContext context, DataExportService exports, Paging paging) =>
                Json(paging.Page(context, exports.ExportsOf(destinationId), e => e.Id, exports.ExportResponse)))
            .RequirePermission(Permission.ManageDataExport);

        group.MapGet("/exports", (HttpContext context, DataExportService exports, Paging paging) =>
                Json(paging.Page(context, exports.Exports(), e => e.Id, exports.ExportResponse)))
            .RequirePermission(Permission.ManageDataExport);

        group.MapGet("/exports/{exportId}", (string exportId, DataExportService exports) =>
                Json(exports.ExportResponse(exports.Export(exportId))))
            .RequirePermission(Permission.ManageDataExport);

        group.MapPut("/exports/{exportId}", async (string exportId, HttpContext context, DataExportService exports) =>
                Json(exports.ExportResponse(exports.PutExport(exportId, await JsonBody.ReadObjectAsync(context, JsonBody.Json)))))
            .RequirePermission(Permission.ManageDataExport)
            .Audited(AuditedChanges.Export, "exportId", ExportName);

        group.MapPatch("/exports/{exportId}", async (string exportId, HttpContext context, DataExportService exports) =>
                Json(exports.ExportResponse(exports.PatchExport(
                    exportId, await JsonBody.ReadObjectAsync(context, JsonBody.Json, JsonBody.MergePatchJson)))))
            .RequirePermission(Permission.ManageDataExport)
            .Audited(AuditedChanges.Export, "exportId", ExportName);

        group.MapDelete("/exports/{exportId}", (string exportId, DataExportService exports) =>
            {
                exports.RemoveExport(exportId);
                return Results.NoContent();
            })
            .RequirePermission(Permission.ManageDataExport)
            .Audited(AuditedChanges.Export, "exportId", ExportName);

        // The ExportDestination shape: each destination with the export's transform for it, by id like every list.
        group.MapGet("/exports/{exportId}/destinations", (string exportId, HttpContext context, DataExportService exports, Paging paging) =>
                Json(paging.Page(context, exports.DestinationsOf(exportId), p => p.Destination.Id, p => exports.DestinationResponse(p.Destination, p.Transform))))
            .RequirePermission(Permission.ManageDataExport);
    }

    private static string? DestinationName(EmulatorState state, string id) => AuditedChanges.NameInBody(state.Destinations.GetValueOrDefault(id)?.Body, id);

    private static string? ExportName(EmulatorState state, string id) => AuditedChanges.NameInBody(state.Exports.GetValueOrDefault(id)?.Body, id);

    private static IResult Json<T>(T body) => Results.Json(body, EmulatorJson.Options);
}
