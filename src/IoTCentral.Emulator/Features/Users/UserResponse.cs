using System.Text.Json.Nodes;
using IoTCentral.Emulator.State;

namespace IoTCentral.Emulator.Features.Users;

/// <summary>A user as the spec's polymorphic <c>User</c>: the members of its <c>type</c>'s definition only.</summary>
internal static class UserResponse
{
    public static JsonObject From(UserRecord user)
    {
        var body = new JsonObject { ["id"] = user.Id, ["type"] = user.Type };
        if (user.Type == UserTypes.Email)
        {
            body["email"] = user.Email;
        }
        else
        {
            body["tenantId"] = user.TenantId;
            body["objectId"] = user.ObjectId;
        }

        var roles = new JsonArray();
        foreach (var assignment in user.Roles)
        {
            var role = new JsonObject { ["role"] = assignment.Role };
            if (assignment.Organization is not null)
            {
                role["organization"] = assignment.Organization;
            }

            roles.Add(role);
        }

        body["roles"] = roles;
        return body;
    }
}
