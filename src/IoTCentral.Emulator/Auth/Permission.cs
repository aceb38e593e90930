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
    ReadEnrollmentGroups,
    ManageEnrollmentGroups,

    /// <summary>Application settings such as the file upload storage account (Administrator only).</summary>
    ManageApplication,
    ManageDataExport,
}
