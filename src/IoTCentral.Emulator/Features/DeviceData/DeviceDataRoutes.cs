using System.Text.Json.Nodes;
using IoTCentral.Emulator.Auth;
using IoTCentral.Emulator.Features.DeviceTemplates;
using IoTCentral.Emulator.Features.DataExport;
using IoTCentral.Emulator.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IoTCentral.Emulator.Features.DeviceData;

/// <summary>
/// Devices_ListComponents, _ListModules, _ListModuleComponents, and at each of the four levels (device, component,
/// module, module component): Get/Replace/Update properties, GetTelemetryValue, RunCommand and GetCommandHistory.
/// Reading needs <see cref="Permission.ReadDevices"/>; setting properties and running commands <see cref="Permission.ManageDevices"/>.
/// </summary>
internal static class DeviceDataRoutes
{
    public static void MapDeviceDataRoutes(this IEndpointRouteBuilder api)
    {
        api.MapGet("/devices/{deviceId}/components", (string deviceId, DeviceModels models) =>
                Listing(models.Resolve(deviceId).Model.Root.Components.Values))
            .RequirePermission(Permission.ReadDevices);

        api.MapGet("/devices/{deviceId}/modules", (string deviceId, DeviceModels models) =>
                Listing(models.Resolve(deviceId).Model.Modules.Values))
            .RequirePermission(Permission.ReadDevices);

        api.MapGet("/devices/{deviceId}/modules/{moduleName}/components", (string deviceId, string moduleName, DeviceModels models) =>
                Listing(models.Resolve(deviceId).Model.Resolve(new DeviceLevel(moduleName, null)).Components.Values))
            .RequirePermission(Permission.ReadDevices);

        foreach (var prefix in DeviceLevels.RoutePrefixes)
        {
            MapLevel(api, prefix);
        }
    }

    private static void MapLevel(IEndpointRouteBuilder api, string prefix)
    {
        api.MapGet(prefix + "/properties", (string deviceId, HttpContext context, DevicePropertiesService properties) =>
                Json(properties.Get(deviceId, DeviceLevels.Of(context))))
            .RequirePermission(Permission.ReadDevices);

        api.MapPut(prefix + "/properties", async (string deviceId, HttpContext context, DevicePropertiesService properties, ExportPublisher exports) =>
            {
                var body = await JsonBody.ReadObjectAsync(context, JsonBody.Json);
                var level = DeviceLevels.Of(context);
                var answer = properties.Write(deviceId, level, body, replace: true);
                exports.Properties(deviceId, level, ExportMessageTypes.DesiredChange, body);
                return Json(answer, StatusCodes.Status202Accepted);
            })
            .RequirePermission(Permission.ManageDevices);

        api.MapPatch(prefix + "/properties", async (string deviceId, HttpContext context, DevicePropertiesService properties, ExportPublisher exports) =>
            {
                var body = await JsonBody.ReadObjectAsync(context, JsonBody.Json, JsonBody.MergePatchJson);
                var level = DeviceLevels.Of(context);
                var answer = properties.Write(deviceId, level, body, replace: false);
                exports.Properties(deviceId, level, ExportMessageTypes.DesiredChange, body);
                return Json(answer, StatusCodes.Status202Accepted);
            })
            .RequirePermission(Permission.ManageDevices);

        api.MapGet(prefix + "/telemetry/{telemetryName}", (string deviceId, string telemetryName, HttpContext context, DeviceTelemetryService telemetry) =>
                Json(telemetry.Last(deviceId, DeviceLevels.Of(context), telemetryName)))
            .RequirePermission(Permission.ReadDevices);

        api.MapPost(prefix + "/commands/{commandName}", async (string deviceId, string commandName, HttpContext context, DeviceCommandService commands) =>
            {
                var body = await JsonBody.ReadObjectAsync(context, JsonBody.Json);
                var result = await commands.RunAsync(deviceId, DeviceLevels.Of(context), commandName, body, context.RequestAborted);
                return Json(result, StatusCodes.Status201Created);
            })
            .RequirePermission(Permission.ManageDevices);

        api.MapGet(prefix + "/commands/{commandName}", (string deviceId, string commandName, HttpContext context, Paging paging, DeviceCommandService commands) =>
                Json(commands.History(context, paging, deviceId, DeviceLevels.Of(context), commandName)))
            .RequirePermission(Permission.ReadDevices);
    }

    /// <summary>The generic <c>Collection</c> of components or modules (not paged in the spec).</summary>
    private static IResult Listing(IEnumerable<ComponentModel> entries) =>
        Json(new CollectionResponse<JsonNode>(entries.OrderBy(e => e.Name, StringComparer.Ordinal).Select(e => e.Listing.DeepClone()).ToList(), null));

    private static IResult Json<T>(T body, int statusCode = StatusCodes.Status200OK) => Results.Json(body, EmulatorJson.Options, statusCode: statusCode);
}
