using System.Text.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine.Json;

/// <summary>The items of the component and module lists: { "@type", "name", "displayName", "description" }.</summary>
internal static class DeviceComponentJson
{
    public static DeviceComponent ReadComponent(string deviceId, string? module, JsonElement element) => new()
    {
        DeviceId = deviceId,
        Module = module,
        Name = element.GetString("name") ?? string.Empty,
        DisplayName = element.GetLocalized("displayName"),
        Description = element.GetLocalized("description"),
        Types = element.GetTypes(),
    };

    public static DeviceModule ReadModule(string deviceId, JsonElement element) => new()
    {
        DeviceId = deviceId,
        Name = element.GetString("name") ?? string.Empty,
        DisplayName = element.GetLocalized("displayName"),
        Description = element.GetLocalized("description"),
        Types = element.GetTypes(),
    };
}
