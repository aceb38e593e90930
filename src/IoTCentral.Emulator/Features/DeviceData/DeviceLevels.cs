using IoTCentral.Emulator.Features.DeviceTemplates;
using Microsoft.AspNetCore.Http;

namespace IoTCentral.Emulator.Features.DeviceData;

/// <summary>The four route prefixes of the device data operations, and the level a request addresses.</summary>
internal static class DeviceLevels
{
    public const string ComponentName = "componentName";
    public const string ModuleName = "moduleName";

    /// <summary>Device, component, module and module component, in the spec's path shapes.</summary>
    public static readonly IReadOnlyList<string> RoutePrefixes =
    [
        "/devices/{deviceId}",
        $"/devices/{{deviceId}}/components/{{{ComponentName}}}",
        $"/devices/{{deviceId}}/modules/{{{ModuleName}}}",
        $"/devices/{{deviceId}}/modules/{{{ModuleName}}}/components/{{{ComponentName}}}",
    ];

    public static DeviceLevel Of(HttpContext context) =>
        new(context.Request.RouteValues[ModuleName] as string, context.Request.RouteValues[ComponentName] as string);
}
