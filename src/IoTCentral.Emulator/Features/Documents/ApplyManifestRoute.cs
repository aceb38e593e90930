using System.Text.Json.Nodes;
using IoTCentral.Emulator.Auth;
using IoTCentral.Emulator.Features.DeviceData;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IoTCentral.Emulator.Features.Documents;

/// <summary>
/// Devices_ApplyManifest (preview only): the body is a DeploymentManifest (checked like DeploymentManifests_Create),
/// applied to an existing IoT Edge device, which the emulator takes to be a device whose template declares IoT Edge
/// modules. The device keeps the manifest (the preview's <c>Device.deploymentManifest</c>) and the response is the
/// manifest as applied.
/// </summary>
internal static class ApplyManifestRoute
{
    public static void MapApplyManifestRoute(this IEndpointRouteBuilder api)
    {
        api.MapPost("/devices/{deviceId}/applyDeploymentManifest", async (string deviceId, HttpContext context, DeviceModels models, StateStore store) =>
            {
                SpecBodies.RequirePreview(context, "deployment manifest");
                var body = await JsonBody.ReadObjectAsync(context, JsonBody.Json);
                var manifest = SpecBodies.Check("DeploymentManifest", body);
                var (_, model) = models.Resolve(deviceId);
                if (model.Modules.Count == 0)
                {
                    throw ApiException.BadRequest(
                        $"The device '{deviceId}' is not an IoT Edge device: its device template declares no IoT Edge modules, so a deployment manifest cannot be applied to it.",
                        ErrorCodes.DeviceNotEdge);
                }

                if (body["id"] is JsonValue id && id.TryGetValue<string>(out var manifestId))
                {
                    manifest["id"] = manifestId;
                }

                await store.WriteAsync(state =>
                {
                    var device = state.Devices.GetValueOrDefault(deviceId)
                        ?? throw ApiException.NotFound($"The device '{deviceId}' does not exist.", ErrorCodes.DeviceNotFound);
                    return state.Devices[deviceId] = device with { Etag = Etags.New(), DeploymentManifest = manifest.ToJsonString() };
                });
                return Results.Json(manifest, EmulatorJson.Options);
            })
            .RequirePermission(Permission.ManageDevices);
    }
}
