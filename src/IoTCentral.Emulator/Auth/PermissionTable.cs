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

    // Enrollment groups (device connection groups) belong to the whole application, not to an organization, and their
    // keys let anyone connect devices: builders set them up, operators may look, organization roles get neither.
    // Every role has ReadDevices, so every role may run queries (Query_Run requires ReadDevices: querying reads device data).
    private static readonly Dictionary<string, IReadOnlySet<Permission>> ByRole = new(StringComparer.OrdinalIgnoreCase)
    {
        [BuiltInRoles.Administrator.Id] = Enum.GetValues<Permission>().ToHashSet(),
        [BuiltInRoles.Builder.Id] = DeviceManagement.Concat([Permission.ManageDeviceTemplates, Permission.ReadEnrollmentGroups, Permission.ManageEnrollmentGroups]).ToHashSet(),
        [BuiltInRoles.Operator.Id] = DeviceManagement.Append(Permission.ReadEnrollmentGroups).ToHashSet(),
        // Org Admin administers its subtree: the users, API tokens and organizations below its own, as well as devices.
        [BuiltInRoles.OrgAdministrator.Id] = DeviceManagement
            .Concat([Permission.ReadUsers, Permission.ManageUsers, Permission.ReadApiTokens, Permission.ManageApiTokens, Permission.ManageOrganizations])
            .ToHashSet(),
        [BuiltInRoles.OrgOperator.Id] = DeviceManagement.ToHashSet(),
        [BuiltInRoles.OrgViewer.Id] = new HashSet<Permission> { Permission.ReadRoles, Permission.ReadDevices, Permission.ReadDeviceTemplates, Permission.ReadOrganizations },
    };

    // Device templates, enrollment groups, data export and application settings belong to the whole application (none has an organization), so
    // changing them needs an assignment without an organization.
    private static readonly IReadOnlySet<Permission> ApplicationWidePermissions = new HashSet<Permission> { Permission.ManageDeviceTemplates, Permission.ManageEnrollmentGroups, Permission.ManageApplication, Permission.ManageDataExport };

    public static bool IsApplicationWide(Permission permission) => ApplicationWidePermissions.Contains(permission);

    public static bool Allows(IEnumerable<string> roleIds, Permission permission) =>
        roleIds.Any(role => ByRole.TryGetValue(role, out var granted) && granted.Contains(permission));
}
