using System.Collections.Generic;
using System.Text.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine.Json;

internal static class OrganizationJson
{
    public static Organization Read(JsonElement element) => new()
    {
        Id = element.GetString("id") ?? string.Empty,
        DisplayName = element.GetString("displayName"),
        Parent = element.GetString("parent"),
    };

    /// <summary>The create body: the display name and parent when set, so the service applies its defaults otherwise.</summary>
    public static byte[] WriteCreate(Organization organization)
    {
        var body = new Dictionary<string, object?>();
        if (!string.IsNullOrEmpty(organization.DisplayName))
        {
            body["displayName"] = organization.DisplayName;
        }

        if (!string.IsNullOrEmpty(organization.Parent))
        {
            body["parent"] = organization.Parent;
        }

        return JsonTreeWriter.ToUtf8(body);
    }
}
