using IoTCentral.Emulator.Auth;
using IoTCentral.Emulator.Features.DeviceData;
using IoTCentral.Emulator.Features.DataExport;
using IoTCentral.Emulator.Features.DeviceFeed;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IoTCentral.Emulator.Features.Devices;

/// <summary>Devices_List, Devices_Get, Devices_Create, Devices_Update, Devices_Remove and Devices_GetCredentials.</summary>
internal static class DeviceRoutes
{
    public static void MapDeviceRoutes(this IEndpointRouteBuilder api)
    {
        api.MapGet("/devices", (HttpContext context, DeviceService devices, Paging paging) =>
                Json(paging.Page(context, DeviceListOptions.Fields, devices.All, devices.List, DeviceResponse.From)))
            .RequirePermission(Permission.ReadDevices);

        api.MapGet("/devices/{deviceId}", (string deviceId, HttpContext context, DeviceService devices) =>
            {
                var device = devices.Get(deviceId);

                // The preview's Device.deploymentManifest: the manifest last applied to this edge device.
                if (device.DeploymentManifest is { } manifest && RequestContext.Of(context).ApiVersion == ApiVersions.Preview)
                {
                    var body = System.Text.Json.JsonSerializer.SerializeToNode(DeviceResponse.From(device), EmulatorJson.Options)!.AsObject();
                    body["deploymentManifest"] = System.Text.Json.Nodes.JsonNode.Parse(manifest);
                    return Json(body);
                }

                return Json(DeviceResponse.From(device));
            })
            .RequirePermission(Permission.ReadDevices);

        api.MapPut("/devices/{deviceId}", async (string deviceId, HttpContext context, DeviceService devices) =>
            {
                var body = new JsonFields(await JsonBody.ReadObjectAsync(context, JsonBody.Json));
                return Json(DeviceResponse.From(await devices.CreateOrReplaceAsync(deviceId, body, context.Request.Headers.IfMatch)));
            })
            .RequirePermission(Permission.ManageDevices)
            .Audited(AuditedChanges.Device, "deviceId", DeviceName);

        api.MapPatch("/devices/{deviceId}", async (string deviceId, HttpContext context, DeviceService devices) =>
            {
                var body = new JsonFields(await JsonBody.ReadObjectAsync(context, JsonBody.Json, JsonBody.MergePatchJson));
                return Json(DeviceResponse.From(await devices.UpdateAsync(deviceId, body, context.Request.Headers.IfMatch)));
            })
            .RequirePermission(Permission.ManageDevices)
            .Audited(AuditedChanges.Device, "deviceId", DeviceName);

        api.MapDelete("/devices/{deviceId}", async (string deviceId, DeviceService devices, DeviceDataStore data, ExportPublisher exports,
                DeviceConnections connections) =>
            {
                var device = devices.Get(deviceId);
                await devices.RemoveAsync(deviceId);
                connections.Disconnect(device); // a deleted device loses its connection before it is gone
                exports.Lifecycle(device, ExportMessageTypes.Deleted);
                data.Forget(deviceId); // a device created again with the same id starts without data
                return Results.NoContent();
            })
            .RequirePermission(Permission.ManageDevices)
            .Audited(AuditedChanges.Device, "deviceId", DeviceName);

        api.MapGet("/devices/{deviceId}/credentials", (string deviceId, DeviceService devices) =>
            {
                var (idScope, device) = devices.GetWithScope(deviceId);
                return Json(DeviceCredentialsResponse.From(idScope, device));
            })
            .RequirePermission(Permission.ManageDevices);
    }

    private static string? DeviceName(EmulatorState state, string id) => state.Devices.GetValueOrDefault(id)?.DisplayName;

    private static IResult Json<T>(T body) => Results.Json(body, EmulatorJson.Options);
}
