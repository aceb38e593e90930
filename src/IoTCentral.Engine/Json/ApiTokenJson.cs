using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using IoTCentral.Engine.Internal;
using IoTCentral.Models;

namespace IoTCentral.Engine.Json;

internal static class ApiTokenJson
{
    public static ApiToken Read(JsonElement element)
    {
        var value = element.GetString("token");
        return new ApiToken
        {
            Id = element.GetString("id") ?? string.Empty,
            Roles = RoleJson.ReadAssignments(element),
            Expiry = element.GetDate("expiry"),
            Token = string.IsNullOrEmpty(value) ? null : SecureStrings.ToReadOnly(value!),
        };
    }

    public static byte[] WriteCreate(IReadOnlyList<RoleAssignment> roles, DateTimeOffset? expiry)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            RoleJson.WriteAssignments(writer, roles);
            if (expiry.HasValue)
            {
                writer.WriteString("expiry", JsonValues.FormatDate(expiry.Value));
            }

            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
