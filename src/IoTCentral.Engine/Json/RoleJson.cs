using System.Collections.Generic;
using System.Text.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine.Json;

internal static class RoleJson
{
    public static Role ReadRole(JsonElement element) =>
        new(element.GetString("id") ?? string.Empty, element.GetString("displayName") ?? string.Empty);

    public static RoleAssignment[] ReadAssignments(JsonElement owner)
    {
        var list = new List<RoleAssignment>();
        if (owner.GetArray("roles") is { } roles)
        {
            foreach (var item in roles.EnumerateArray())
            {
                list.Add(new RoleAssignment(item.GetString("role") ?? string.Empty, item.GetString("organization")));
            }
        }

        return list.ToArray();
    }

    public static void WriteAssignments(Utf8JsonWriter writer, IEnumerable<RoleAssignment> roles)
    {
        writer.WriteStartArray("roles");
        foreach (var assignment in roles)
        {
            WriteAssignment(writer, assignment);
        }

        writer.WriteEndArray();
    }

    public static void WriteAssignment(Utf8JsonWriter writer, RoleAssignment assignment)
    {
        writer.WriteStartObject();
        writer.WriteString("role", assignment.Role);
        if (!string.IsNullOrEmpty(assignment.Organization))
        {
            writer.WriteString("organization", assignment.Organization);
        }

        writer.WriteEndObject();
    }
}
