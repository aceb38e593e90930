namespace IoTCentral.Engine.Internal;

/// <summary>
/// The one place that builds the paths of a device's levels: devices/{id}[/modules/{module}][/components/{component}],
/// the shape every property, telemetry and command operation shares. Each segment is escaped.
/// </summary>
internal static class DevicePaths
{
    public static string Device(string deviceId) => "devices/" + PathSegment.Escape(deviceId);

    public static string Level(string deviceId, string? module, string? component)
    {
        var path = Device(deviceId);
        if (!string.IsNullOrEmpty(module))
        {
            path += "/modules/" + PathSegment.Escape(module!);
        }

        if (!string.IsNullOrEmpty(component))
        {
            path += "/components/" + PathSegment.Escape(component!);
        }

        return path;
    }
}
