using System.Collections.Generic;
using System.Text.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine.Json;

internal static class DeviceGroupJson
{
    public static DeviceGroup Read(JsonElement element) => new()
    {
        Id = element.GetString("id") ?? string.Empty,
        DisplayName = element.GetString("displayName"),
        Filter = element.GetString("filter"),
        Description = element.GetString("description"),
        ETag = element.GetString("etag"),
        Organizations = ReadStrings(element, "organizations"),
    };

    public static byte[] WriteCreate(DeviceGroup group)
    {
        var body = new Dictionary<string, object?>
        {
            ["displayName"] = group.DisplayName,
            ["filter"] = group.Filter,
        };
        if (!string.IsNullOrEmpty(group.Description))
        {
            body["description"] = group.Description;
        }

        if (group.Organizations is { Length: > 0 })
        {
            body["organizations"] = group.Organizations;
        }

        return JsonTreeWriter.ToUtf8(body);
    }

    internal static string[] ReadStrings(JsonElement element, string name)
    {
        var values = new List<string>();
        if (element.GetArray(name) is { } array)
        {
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    values.Add(item.GetString()!);
                }
            }
        }

        return values.ToArray();
    }
}
