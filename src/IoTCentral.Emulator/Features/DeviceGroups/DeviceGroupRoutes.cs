using IoTCentral.Emulator.Auth;
using IoTCentral.Emulator.Features.DataExport;
using IoTCentral.Emulator.Features.Devices;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IoTCentral.Emulator.Features.DeviceGroups;

/// <summary>DeviceGroups_List, _Get, _Create, _Update, _Remove and _GetDevices.</summary>
internal static class DeviceGroupRoutes
{
    public static void MapDeviceGroupRoutes(this IEndpointRouteBuilder api)
    {
        api.MapGet("/deviceGroups", (HttpContext context, DeviceGroupService groups, Paging paging) =>
                Json(paging.Page(context, Fields, groups.List, null, DeviceGroupResponse.From)))
            .RequirePermission(Permission.ReadDevices);

        api.MapGet("/deviceGroups/{deviceGroupId}", (string deviceGroupId, DeviceGroupService groups) =>
                Json(DeviceGroupResponse.From(groups.Get(deviceGroupId))))
            .RequirePermission(Permission.ReadDevices);

        api.MapPut("/deviceGroups/{deviceGroupId}", async (string deviceGroupId, HttpContext context, DeviceGroupService groups) =>
            {
                var body = new JsonFields(await JsonBody.ReadObjectAsync(context, JsonBody.Json));
                return Json(DeviceGroupResponse.From(groups.CreateOrReplace(deviceGroupId, body, context.Request.Headers.IfMatch)));
            })
            .RequirePermission(Permission.ManageDevices)
            .Audited(AuditedChanges.DeviceGroup, "deviceGroupId", GroupName);

        api.MapPatch("/deviceGroups/{deviceGroupId}", async (string deviceGroupId, HttpContext context, DeviceGroupService groups) =>
                Json(DeviceGroupResponse.From(groups.Update(
                    deviceGroupId, await JsonBody.ReadObjectAsync(context, JsonBody.Json, JsonBody.MergePatchJson), context.Request.Headers.IfMatch))))
            .RequirePermission(Permission.ManageDevices)
            .Audited(AuditedChanges.DeviceGroup, "deviceGroupId", GroupName);

        api.MapDelete("/deviceGroups/{deviceGroupId}", (string deviceGroupId, DeviceGroupService groups) =>
            {
                groups.Remove(deviceGroupId);
                return Results.NoContent();
            })
            .RequirePermission(Permission.ManageDevices)
            .Audited(AuditedChanges.DeviceGroup, "deviceGroupId", GroupName);

        api.MapGet("/deviceGroups/{deviceGroupId}/devices", (string deviceGroupId, HttpContext context, DeviceGroupService groups, Paging paging) =>
                Json(paging.Page(context, groups.Devices(deviceGroupId), d => d.Id, DeviceResponse.From)))
            .RequirePermission(Permission.ReadDevices);
    }

    /// <summary>What DeviceGroups_List's preview <c>filter</c> and <c>orderby</c> know.</summary>
    private static readonly ListFields<DeviceGroupRecord> Fields = new(
        "device group list",
        [("id", g => g?.Id), ("displayName", g => g?.DisplayName)],
        g => g.Id,
        g => g.DisplayName);

    private static string? GroupName(EmulatorState state, string id) => state.DeviceGroups.GetValueOrDefault(id)?.DisplayName;

    private static IResult Json<T>(T body) => Results.Json(body, EmulatorJson.Options);
}
