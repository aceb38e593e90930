using IoTCentral.Emulator.Auth;
using IoTCentral.Emulator.Features.DataExport;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IoTCentral.Emulator.Features.DeviceTemplates;

/// <summary>DeviceTemplates_List, _Get, _Create, _Update and _Remove. Template ids (DTMIs) arrive percent-escaped and routing decodes them.</summary>
internal static class DeviceTemplateRoutes
{
    public static void MapDeviceTemplateRoutes(this IEndpointRouteBuilder api)
    {
        api.MapGet("/deviceTemplates", (HttpContext context, DeviceTemplateService templates, Paging paging) =>
                Json(paging.Page(context, Fields, templates.All, templates.List, DeviceTemplateDocument.ToResponse)))
            .RequirePermission(Permission.ReadDeviceTemplates);

        api.MapGet("/deviceTemplates/{deviceTemplateId}", (string deviceTemplateId, DeviceTemplateService templates) =>
                Json(DeviceTemplateDocument.ToResponse(templates.Get(deviceTemplateId))))
            .RequirePermission(Permission.ReadDeviceTemplates);

        api.MapPut("/deviceTemplates/{deviceTemplateId}", async (string deviceTemplateId, HttpContext context, DeviceTemplateService templates,
                ExportPublisher exports, StateStore store) =>
            {
                var body = await JsonBody.ReadObjectAsync(context, JsonBody.Json);
                var existed = store.Read(s => s.DeviceTemplates.ContainsKey(deviceTemplateId));
                var template = templates.CreateOrReplace(deviceTemplateId, body, context.Request.Headers.IfMatch);
                exports.TemplateLifecycle(template.Id, existed ? ExportMessageTypes.Updated : ExportMessageTypes.Created);
                return Json(DeviceTemplateDocument.ToResponse(template));
            })
            .RequirePermission(Permission.ManageDeviceTemplates)
            .Audited(AuditedChanges.DeviceTemplate, "deviceTemplateId", (state, id) => DisplayName(state.DeviceTemplates.GetValueOrDefault(id)));

        api.MapPatch("/deviceTemplates/{deviceTemplateId}", async (string deviceTemplateId, HttpContext context, DeviceTemplateService templates,
                ExportPublisher exports) =>
            {
                var body = await JsonBody.ReadObjectAsync(context, JsonBody.Json, JsonBody.MergePatchJson);
                var template = templates.Update(deviceTemplateId, body, context.Request.Headers.IfMatch);
                exports.TemplateLifecycle(template.Id, ExportMessageTypes.Updated);
                return Json(DeviceTemplateDocument.ToResponse(template));
            })
            .RequirePermission(Permission.ManageDeviceTemplates)
            .Audited(AuditedChanges.DeviceTemplate, "deviceTemplateId", (state, id) => DisplayName(state.DeviceTemplates.GetValueOrDefault(id)));

        api.MapDelete("/deviceTemplates/{deviceTemplateId}", (string deviceTemplateId, DeviceTemplateService templates, ExportPublisher exports) =>
            {
                templates.Remove(deviceTemplateId);
                exports.TemplateLifecycle(deviceTemplateId, ExportMessageTypes.Deleted);
                return Results.NoContent();
            })
            .RequirePermission(Permission.ManageDeviceTemplates)
            .Audited(AuditedChanges.DeviceTemplate, "deviceTemplateId", (state, id) => DisplayName(state.DeviceTemplates.GetValueOrDefault(id)));
    }

    /// <summary>What DeviceTemplates_List's preview <c>filter</c> and <c>orderby</c> know (the stored document always has a displayName).</summary>
    private static readonly ListFields<DeviceTemplateRecord> Fields = new(
        "device template list",
        [("id", t => t?.Id), ("displayName", t => DisplayName(t))],
        t => t.Id,
        t => DisplayName(t) ?? string.Empty);

    private static string? DisplayName(DeviceTemplateRecord? template) => (string?)template?.Document["displayName"];

    private static IResult Json<T>(T body) => Results.Json(body, EmulatorJson.Options);
}
