using System.Collections.Generic;
using System.Text.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine.Json;

internal static class DeviceRelationshipJson
{
    /// <summary>The source comes from the answer when present, else from the device in the request path.</summary>
    public static DeviceRelationship Read(string deviceId, JsonElement element) => new()
    {
        Name = element.GetString("id") ?? string.Empty,
        DeviceId = element.GetString("source") ?? deviceId,
        Target = element.GetString("target") ?? string.Empty,
    };

    public static byte[] WriteCreate(DeviceRelationship relationship) =>
        JsonTreeWriter.ToUtf8(new Dictionary<string, object?> { ["source"] = relationship.DeviceId, ["target"] = relationship.Target });
}
