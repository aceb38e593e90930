using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;

namespace IoTCentral.Emulator.Features.Devices;

/// <summary>
/// Applies a request body to a device. PUT replaces (absent members take their defaults); PATCH merges (absent
/// members are kept, null resets a member to its default, as in JSON merge-patch). The read-only <c>id</c> and
/// <c>provisioned</c>, and members the emulator does not know, are ignored.
/// </summary>
internal static class DeviceChanges
{
    public const int MaxOrganizations = 1;

    /// <summary>The device as a PUT body describes it, keeping what the body cannot set (id, keys, provisioned).</summary>
    public static DeviceRecord Replace(DeviceRecord current, JsonFields body) => Merge(Defaults(current), body);

    /// <summary>The device after a merge-patch body.</summary>
    public static DeviceRecord Merge(DeviceRecord current, JsonFields body) => current with
    {
        DisplayName = Member(body, "displayName", current.DisplayName, current.Id, ReadDisplayName),
        Template = Member(body, "template", current.Template, null, ReadTemplate),
        Enabled = Member(body, "enabled", current.Enabled, true, b => b.GetBoolean("enabled")!.Value),
        Simulated = Member(body, "simulated", current.Simulated, false, b => b.GetBoolean("simulated")!.Value),
        Organizations = Member(body, "organizations", current.Organizations, [], ReadOrganizations),
    };

    /// <summary>A new device's values before its body applies.</summary>
    public static DeviceRecord Defaults(DeviceRecord device) => device with
    {
        DisplayName = device.Id,
        Template = null,
        Enabled = true,
        Simulated = false,
        Organizations = [],
    };

    private static T Member<T>(JsonFields body, string name, T current, T defaultValue, Func<JsonFields, T> read) =>
        !body.Has(name) ? current : body.IsNull(name) ? defaultValue : read(body);

    private static string ReadDisplayName(JsonFields body)
    {
        var value = body.GetString("displayName")!;
        return string.IsNullOrWhiteSpace(value)
            ? throw ApiException.BadRequest("Property 'displayName' must not be empty.", ErrorCodes.InvalidRequestBody)
            : value;
    }

    private static string? ReadTemplate(JsonFields body)
    {
        var value = body.GetString("template")!;
        return value.Length == 0 || value.Any(char.IsWhiteSpace)
            ? throw ApiException.BadRequest(
                $"Property 'template' must be a device template id such as 'dtmi:contoso:thermostat;1', not '{value}'.",
                ErrorCodes.InvalidRequestBody)
            : value;
    }

    private static IReadOnlyList<string> ReadOrganizations(JsonFields body)
    {
        var values = body.GetStringArray("organizations")!;
        if (values.Length > MaxOrganizations)
        {
            throw ApiException.BadRequest(
                $"Property 'organizations' may list at most {MaxOrganizations} organization; the service supports one per device today.",
                ErrorCodes.InvalidRequestBody);
        }

        return values.Any(string.IsNullOrWhiteSpace)
            ? throw ApiException.BadRequest("Property 'organizations' must not contain empty ids.", ErrorCodes.InvalidRequestBody)
            : values;
    }
}
