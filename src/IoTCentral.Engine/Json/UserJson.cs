using System.IO;
using System.Text.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine.Json;

/// <summary>The spec's polymorphic User: the <c>type</c> discriminator says which identity members it carries.</summary>
internal static class UserJson
{
    public const string EmailType = "email";
    public const string ServicePrincipalType = "servicePrincipal";
    public const string AdGroupType = "adGroup";

    public static User Read(JsonElement element) => new()
    {
        Id = element.GetString("id") ?? string.Empty,
        Type = ParseType(element.GetString("type")),
        Email = element.GetString("email"),
        TenantId = element.GetString("tenantId"),
        ObjectId = element.GetString("objectId"),
        Roles = RoleJson.ReadAssignments(element),
    };

    /// <summary>The PUT body: the type, the members of that type only, and the roles (the id travels in the path).</summary>
    public static byte[] WriteCreate(User user)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("type", TypeName(user.Type));
            if (user.Type == UserType.Email)
            {
                writer.WriteString("email", user.Email);
            }
            else
            {
                writer.WriteString("tenantId", user.TenantId);
                writer.WriteString("objectId", user.ObjectId);
            }

            RoleJson.WriteAssignments(writer, user.Roles);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    public static string TypeName(UserType type) => type switch
    {
        UserType.Email => EmailType,
        UserType.ServicePrincipal => ServicePrincipalType,
        UserType.AdGroup => AdGroupType,
        _ => throw new System.ArgumentOutOfRangeException(nameof(type), type, "Not a user type."),
    };

    // The spec's discriminator is closed (three types); anything else is a response this client cannot represent.
    private static UserType ParseType(string? name) => name switch
    {
        EmailType => UserType.Email,
        ServicePrincipalType => UserType.ServicePrincipal,
        AdGroupType => UserType.AdGroup,
        _ => throw new JsonException($"The user type '{name}' is not one of {EmailType}, {ServicePrincipalType}, {AdGroupType}."),
    };
}
