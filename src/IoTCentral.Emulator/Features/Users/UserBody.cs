using System.Text.RegularExpressions;
using IoTCentral.Emulator.Features.ApiTokens;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;

namespace IoTCentral.Emulator.Features.Users;

/// <summary>Validates a user id and a full user body (PUT, or PATCH after the merge) into a <see cref="UserRecord"/>.</summary>
internal static partial class UserBody
{
    public const int MaxIdLength = 48;

    [GeneratedRegex("^[a-zA-Z0-9-_]*$")]
    private static partial Regex IdPattern();

    /// <summary>The spec's UserId rule: letters, digits, '-' and '_', at most 48.</summary>
    public static bool IsValidId(string userId) => userId.Length is > 0 and <= MaxIdLength && IdPattern().IsMatch(userId);

    public static UserRecord Parse(string userId, JsonFields body)
    {
        var type = body.GetString("type")
            ?? throw Invalid($"Property 'type' is required: one of {string.Join(", ", UserTypes.All)}.");
        if (!UserTypes.All.Contains(type, StringComparer.Ordinal))
        {
            throw Invalid($"Property 'type' must be one of {string.Join(", ", UserTypes.All)}, not '{type}'.");
        }

        var roles = RoleAssignments.Parse(body);
        if (type == UserTypes.Email)
        {
            var email = body.GetString("email")?.Trim();
            if (string.IsNullOrEmpty(email) || !IsEmailAddress(email))
            {
                throw Invalid("Property 'email' is required for an email user and must be an email address.");
            }

            return new UserRecord(userId, type, roles, email, null, null);
        }

        return new UserRecord(userId, type, roles, null, Guid(body, "tenantId", type), Guid(body, "objectId", type));
    }

    /// <summary>Microsoft Entra tenant and object ids are GUIDs; kept lower-case so they compare with token claims.</summary>
    private static string Guid(JsonFields body, string name, string type)
    {
        var value = body.GetString(name) ?? throw Invalid($"Property '{name}' is required for a {type} user.");
        return System.Guid.TryParse(value, out var id) ? id.ToString("D") : throw Invalid($"Property '{name}' must be a GUID, not '{value}'.");
    }

    private static bool IsEmailAddress(string value)
    {
        var at = value.IndexOf('@');
        return at > 0 && at == value.LastIndexOf('@') && at < value.Length - 1 && !value.Any(char.IsWhiteSpace);
    }

    private static ApiException Invalid(string message) => ApiException.BadRequest(message, ErrorCodes.InvalidRequestBody);
}
