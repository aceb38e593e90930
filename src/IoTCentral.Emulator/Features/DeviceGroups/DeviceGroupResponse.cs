using System.Text.Json.Nodes;
using IoTCentral.Emulator.State;

namespace IoTCentral.Emulator.Features.DeviceGroups;

/// <summary>A device group as the spec's <c>DeviceGroup</c>.</summary>
internal static class DeviceGroupResponse
{
    public static JsonObject From(DeviceGroupRecord group)
    {
        var body = new JsonObject
        {
            ["id"] = group.Id,
            ["displayName"] = group.DisplayName,
            ["filter"] = group.Filter,
            ["etag"] = group.Etag,
        };
        if (group.Description is not null)
        {
            body["description"] = group.Description;
        }

        if (group.Organizations.Count > 0)
        {
            body["organizations"] = new JsonArray(group.Organizations.Select(o => (JsonNode?)o).ToArray());
        }

        return body;
    }
}
