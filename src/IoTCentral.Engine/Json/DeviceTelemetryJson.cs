using System.Text.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine.Json;

internal static class DeviceTelemetryJson
{
    /// <summary>Reads { "value", "timestamp" }; both are absent while the device has sent nothing.</summary>
    public static DeviceTelemetryValue Read(string deviceId, string? module, string? component, string name, JsonElement element) => new()
    {
        DeviceId = deviceId,
        Module = module,
        Component = component,
        Name = name,
        Value = element.GetTree("value"),
        Timestamp = element.GetDate("timestamp"),
    };
}
