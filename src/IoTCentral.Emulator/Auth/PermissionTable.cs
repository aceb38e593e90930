using IoTCentral.Emulator.Features.Roles;

namespace IoTCentral.Emulator.Auth;

/// <summary>
/// The one place that says which role may do what. A caller has the union of the permissions of its role
/// assignments. Where an assignment names an organization, its permissions hold only there and below
/// (<see cref="Scope.OrganizationScope"/>).
/// </summary>
internal static class PermissionTable
{
    // Managing devices includes their data (properties, commands), which needs their templates.
    private static readonly Permission[] DeviceManagement =
        [Permission.ReadRoles, Permission.ReadDevices, Permission.ManageDevices, Permission.ReadDeviceTemplates, Permission.ReadOrganizations];

    // Every role has ReadDevices, so every role may run queries (Query_Run requires ReadDevices: querying reads device data).
    private static readonly Dictionary<string, IReadOnlySet<Permission>> ByRole = new(StringComparer.OrdinalIgnoreCase)
    {
        [BuiltInRoles.Administrator.Id] = Enum.GetValues<Permission>().ToHashSet(),
        [BuiltInRoles.Builder.Id] = DeviceManagement.Append(Permission.ManageDeviceTemplates).ToHashSet(),
        [BuiltInRoles.Operator.Id] = DeviceManagement.ToHashSet(),
        // Org Admin administers its subtree: the users, API tokens and organizations below its own, as well as devices.
        [BuiltInRoles.OrgAdministrator.Id] = DeviceManagement
            .Concat([Permission.ReadUsers, Permission.ManageUsers, Permission.ReadApiTokens, Permission.ManageApiTokens, Permission.ManageOrganizations])
            .ToHashSet(),
        [BuiltInRoles.OrgOperator.Id] = DeviceManagement.ToHashSet(),
        [BuiltInRoles.OrgViewer.Id] = new HashSet<Permission> { Permission.ReadRoles, Permission.ReadDevices, Permission.ReadDeviceTemplates, Permission.ReadOrganizations },
    };

    // Device templates belong to the whole application, so changing them needs an assignment without an organization.
    private static readonly IReadOnlySet<Permission> ApplicationWidePermissions = new HashSet<Permission> { Permission.ManageDeviceTemplates };

    public static bool IsApplicationWide(Permission permission) => ApplicationWidePermissions.Contains(permission);

    public static bool Allows(IEnumerable<string> roleIds, Permission permission) =>
        roleIds.Any(role => ByRole.TryGetValue(role, out var granted) && granted.Contains(permission));
}
