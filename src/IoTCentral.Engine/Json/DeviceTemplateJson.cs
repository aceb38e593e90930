using System.Text.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine.Json;

internal static class DeviceTemplateJson
{
    public static DeviceTemplate Read(JsonElement element) => new()
    {
        Id = element.GetString("@id") ?? string.Empty,
        ETag = element.GetString("etag"),
        DisplayName = element.GetLocalized("displayName"),
        Description = element.GetLocalized("description"),
        Types = element.GetTypes(),
        CapabilityModel = element.GetTree("capabilityModel"),
    };
}
