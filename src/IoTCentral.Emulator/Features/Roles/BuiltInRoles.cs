namespace IoTCentral.Emulator.Features.Roles;

/// <summary>A role of the application.</summary>
internal sealed record RoleDefinition(string Id, string DisplayName, bool IsOrganizationRole);

/// <summary>
/// The built-in roles every IoT Central application has. Ids and display names are those Roles_List returns in
/// Microsoft's "Manage organizations with the REST API" article (learn.microsoft.com, howto-manage-organizations-with-rest-api).
/// </summary>
internal static class BuiltInRoles
{
    public static readonly RoleDefinition Administrator = new("ca310b8d-2f4a-44e0-a36e-957c202cd8d4", "Administrator", false);
    public static readonly RoleDefinition Operator = new("ae2c9854-393b-4f97-8c42-479d70ce626e", "Operator", false);
    public static readonly RoleDefinition Builder = new("344138e9-8de4-4497-8c54-5237e96d6aaf", "Builder", false);
    public static readonly RoleDefinition OrgAdministrator = new("c495eb57-eb18-489e-9802-62c474e5645c", "Org Admin", true);
    public static readonly RoleDefinition OrgOperator = new("b4935647-30e4-4ed3-9074-dcac66c2f8ef", "Org Operator", true);
    public static readonly RoleDefinition OrgViewer = new("84cc62c1-dabe-49d3-b16e-8b291232b285", "Org Viewer", true);

    public static readonly IReadOnlyList<RoleDefinition> All =
        [Administrator, Operator, Builder, OrgAdministrator, OrgOperator, OrgViewer];

    public static RoleDefinition? Find(string id) =>
        All.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));
}
