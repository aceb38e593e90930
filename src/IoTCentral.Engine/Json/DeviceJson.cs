using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine.Json;

internal static class DeviceJson
{
    public static Device Read(JsonElement element)
    {
        var organizations = new List<string>();
        if (element.GetArray("organizations") is { } array)
        {
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    organizations.Add(item.GetString()!);
                }
            }
        }

        return new Device
        {
            Id = element.GetString("id") ?? string.Empty,
            ETag = element.GetString("etag"),
            DisplayName = element.GetString("displayName"),
            Template = element.GetString("template"),
            Enabled = element.GetBoolean("enabled") ?? true,
            Provisioned = element.GetBoolean("provisioned") ?? false,
            Simulated = element.GetBoolean("simulated") ?? false,
            Organizations = organizations.ToArray(),
        };
    }

    /// <summary>The create body: only what the caller set, so the service applies its own defaults for the rest.</summary>
    public static byte[] WriteCreate(Device device)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            if (!string.IsNullOrEmpty(device.DisplayName))
            {
                writer.WriteString("displayName", device.DisplayName);
            }

            if (!string.IsNullOrEmpty(device.Template))
            {
                writer.WriteString("template", device.Template);
            }

            writer.WriteBoolean("enabled", device.Enabled);
            writer.WriteBoolean("simulated", device.Simulated);
            if (device.Organizations is { Length: > 0 })
            {
                writer.WriteStartArray("organizations");
                foreach (var organization in device.Organizations)
                {
                    writer.WriteStringValue(organization);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
