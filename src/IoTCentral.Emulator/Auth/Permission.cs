namespace IoTCentral.Emulator.Auth;

/// <summary>What an endpoint requires of the caller's roles; see <see cref="PermissionTable"/>.</summary>
internal enum Permission
{
    ReadRoles,
    ReadDevices,
    ManageDevices,
    ReadApiTokens,
    ManageApiTokens,
    ReadUsers,
    ManageUsers,
    ReadDeviceTemplates,
    ManageDeviceTemplates,
    ReadOrganizations,
    ManageOrganizations,
    ManageDataExport,
}
