using IoTCentral.Emulator.Features.DataExport;
using IoTCentral.Emulator.Features.DeviceData;
using IoTCentral.Emulator.Features.DeviceTemplates;
using IoTCentral.Emulator.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IoTCentral.Emulator.Features.DeviceFeed;

/// <summary>
/// The emulator's own device-facing API, standing in for a device connected through IoT Hub: tests and scripts send
/// telemetry and reported properties for a (non-simulated) device, and register its answers to commands. It is not
/// part of IoT Central's REST API: it lives outside <c>/api</c>, needs no api-version, and each request is signed with
/// the device's own key (<see cref="DeviceFeedSignature"/>). Sending anything marks the device provisioned.
/// </summary>
internal static class DeviceFeedRoutes
{
    public const string BasePath = "/device-api/devices/{deviceId}";

    public static void MapDeviceFeedRoutes(this IEndpointRouteBuilder app)
    {
        var device = app.MapGroup(BasePath).AddEndpointFilter((context, next) =>
        {
            var http = context.HttpContext;
            http.RequestServices.GetRequiredService<DeviceFeedAuthenticator>()
                .Authenticate((string)http.Request.RouteValues["deviceId"]!, http.Request.Headers.Authorization);
            return next(context);
        });

        device.MapPost("/telemetry", async (string deviceId, HttpContext context, DeviceTelemetryService telemetry, DeviceProvisioning provisioning,
            ExportPublisher exports, EmulatorSettings settings) =>
        {
            var request = FeedRequest.Read(await JsonBody.ReadObjectAsync(context, JsonBody.Json));
            telemetry.Feed(deviceId, request.Level, request.Timestamp, request.Values);
            exports.Telemetry(deviceId, request.Level, request.Timestamp ?? settings.Clock.GetUtcNow(), request.Values);
            provisioning.MarkProvisioned(deviceId);
            return Results.NoContent();
        });

        device.MapPatch("/properties", async (string deviceId, HttpContext context, DevicePropertiesService properties, DeviceProvisioning provisioning,
            ExportPublisher exports) =>
        {
            var request = FeedRequest.Read(await JsonBody.ReadObjectAsync(context, JsonBody.Json, JsonBody.MergePatchJson));
            properties.Report(deviceId, request.Level, request.Values, request.GetInteger("ackCode") ?? StatusCodes.Status200OK,
                request.GetString("ackDescription") ?? PropertyState.Completed);
            exports.Properties(deviceId, request.Level, ExportMessageTypes.ReportedChange, request.Values);
            provisioning.MarkProvisioned(deviceId);
            return Results.NoContent();
        });

        device.MapPut("/commands/{commandName}", async (string deviceId, string commandName, HttpContext context, DeviceCommandService commands,
            DeviceProvisioning provisioning) =>
        {
            var body = await JsonBody.ReadObjectAsync(context, JsonBody.Json);
            var request = FeedRequest.Read(body);
            var handler = new CommandHandler(request.GetInteger("responseCode") ?? StatusCodes.Status200OK, body["response"]?.DeepClone());
            commands.SetHandler(deviceId, request.Level, commandName, handler);
            provisioning.MarkProvisioned(deviceId);
            return Results.NoContent();
        });

        device.MapDelete("/commands/{commandName}", (string deviceId, string commandName, string? module, string? component, DeviceCommandService commands) =>
        {
            commands.SetHandler(deviceId, new DeviceLevel(module, component), commandName, null);
            return Results.NoContent();
        });
    }
}
