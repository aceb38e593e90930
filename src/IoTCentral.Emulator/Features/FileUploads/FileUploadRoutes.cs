using IoTCentral.Emulator.Auth;
using IoTCentral.Emulator.Features.DataExport;
using IoTCentral.Emulator.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IoTCentral.Emulator.Features.FileUploads;

/// <summary>FileUploads_Get, _Create, _Update and _Remove (GA and preview): one configuration per application.</summary>
internal static class FileUploadRoutes
{
    public static void MapFileUploadRoutes(this IEndpointRouteBuilder api)
    {
        api.MapGet("/fileUploads", (HttpContext context, FileUploadService uploads) =>
                Json(FileUploadService.Response(uploads.Get(), Version(context))))
            .RequirePermission(Permission.ManageApplication);

        api.MapPut("/fileUploads", async (HttpContext context, FileUploadService uploads) =>
            {
                var body = await JsonBody.ReadObjectAsync(context, JsonBody.Json);
                return Json(FileUploadService.Response(uploads.Create(WithoutPreviewMembers(body, context), context.Request.Headers.IfMatch), Version(context)));
            })
            .RequirePermission(Permission.ManageApplication)
            .Audited(AuditedChanges.FileUpload, AuditedChanges.FileUpload, FileUploadService.AuditName);

        api.MapPatch("/fileUploads", async (HttpContext context, FileUploadService uploads) =>
            {
                var body = await JsonBody.ReadObjectAsync(context, JsonBody.Json, JsonBody.MergePatchJson);
                return Json(FileUploadService.Response(uploads.Update(WithoutPreviewMembers(body, context), context.Request.Headers.IfMatch), Version(context)));
            })
            .RequirePermission(Permission.ManageApplication)
            .Audited(AuditedChanges.FileUpload, AuditedChanges.FileUpload, FileUploadService.AuditName);

        api.MapDelete("/fileUploads", (FileUploadService uploads) =>
            {
                uploads.Remove();
                return Results.NoContent();
            })
            .RequirePermission(Permission.ManageApplication)
            .Audited(AuditedChanges.FileUpload, AuditedChanges.FileUpload, FileUploadService.AuditName);
    }

    private static string Version(HttpContext context) => RequestContext.Of(context).ApiVersion!;

    // The GA FileUpload has no readAccess, so a GA request cannot set it.
    private static System.Text.Json.Nodes.JsonObject WithoutPreviewMembers(System.Text.Json.Nodes.JsonObject body, HttpContext context)
    {
        if (Version(context) != ApiVersions.Preview)
        {
            body.Remove("readAccess");
        }

        return body;
    }

    private static IResult Json<T>(T body) => Results.Json(body, EmulatorJson.Options);
}
