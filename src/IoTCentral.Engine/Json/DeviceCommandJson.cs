using System.IO;
using System.Text.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine.Json;

internal static class DeviceCommandJson
{
    public static DeviceCommandResult Read(string deviceId, string? module, string? component, string name, JsonElement element) => new()
    {
        DeviceId = deviceId,
        Module = module,
        Component = component,
        Name = name,
        RequestId = element.GetString("id"),
        Request = element.GetTree("request"),
        Response = element.GetTree("response"),
        ResponseCode = element.GetInt32("responseCode"),
        ConnectionTimeout = element.GetInt32("connectionTimeout"),
        ResponseTimeout = element.GetInt32("responseTimeout"),
    };

    /// <summary>The DeviceCommand body; members the caller did not give are left out so the service's defaults apply.</summary>
    public static byte[] Write(bool hasRequest, object? request, int? connectionTimeout, int? responseTimeout)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            if (hasRequest)
            {
                writer.WritePropertyName("request");
                JsonTreeWriter.Write(writer, request, 0);
            }

            if (connectionTimeout.HasValue)
            {
                writer.WriteNumber("connectionTimeout", connectionTimeout.Value);
            }

            if (responseTimeout.HasValue)
            {
                writer.WriteNumber("responseTimeout", responseTimeout.Value);
            }

            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
