namespace IoTCentral.Emulator.Features.DeviceTemplates;

/// <summary>
/// Where in a device a capability lives: the device's root, a component, a module, or a component of a module
/// (the four levels of the devices API's routes).
/// </summary>
internal readonly record struct DeviceLevel(string? Module, string? Component)
{
    public static DeviceLevel Root => default;

    public DeviceLevel WithComponent(string component) => this with { Component = component };

    /// <summary>For messages: "the device", "component 'sensors'", "module 'camera'", "component 'a' of module 'camera'".</summary>
    public string Describe() => (Module, Component) switch
    {
        (null, null) => "the device",
        (null, { } c) => $"component '{c}'",
        ({ } m, null) => $"module '{m}'",
        ({ } m, { } c) => $"component '{c}' of module '{m}'",
    };

    /// <summary>A capability's path: "accelerometer", "sensors.accelerometer", "camera/fps" or "camera/a.fps".</summary>
    public string PathOf(string name) =>
        (Module is null ? string.Empty : Module + "/") + (Component is null ? string.Empty : Component + ".") + name;
}
