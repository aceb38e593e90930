using IoTCentral.Emulator.Features.Organizations;
using IoTCentral.Emulator.Features.Roles;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;

namespace IoTCentral.Emulator.Auth.Scope;

/// <summary>
/// The organizations a request may see and change: the whole application, or the organizations of the caller's role
/// assignments (those that grant the permission the endpoint requires) and their descendants. A resource in no
/// organization belongs to the application's root, which only an application-wide scope covers.
/// </summary>
/// <remarks>
/// <see cref="Current"/> is set for the length of each authorized request, so services judging a body inside a state
/// write (a device's organizations, a token's roles) apply the same scope as the route check without a parameter on
/// every method. Work outside a request (job ticks, the device feed) runs application-wide.
/// </remarks>
internal sealed class OrganizationScope
{
    private static readonly AsyncLocal<OrganizationScope?> Ambient = new();

    private readonly IReadOnlySet<string> _covered;

    private OrganizationScope(IReadOnlySet<string>? covered, IReadOnlyCollection<string> roots)
    {
        _covered = covered ?? new HashSet<string>();
        IsApplicationWide = covered is null;
        Roots = roots;
    }

    public static OrganizationScope ApplicationWide { get; } = new(null, []);

    /// <summary>The scope of the request being served; <see cref="ApplicationWide"/> outside a request.</summary>
    public static OrganizationScope Current
    {
        get => Ambient.Value ?? ApplicationWide;
        set => Ambient.Value = value;
    }

    public bool IsApplicationWide { get; }

    /// <summary>The organizations the caller's assignments name (empty when application-wide).</summary>
    public IReadOnlyCollection<string> Roots { get; }

    /// <summary>
    /// The scope of <paramref name="roles"/> for <paramref name="permission"/>: only assignments whose role grants the
    /// permission count, so Org Admin in one organization and Org Viewer in another manages only the first. An
    /// assignment without an organization (an application role, as the service assigns them) covers everything.
    /// </summary>
    public static OrganizationScope For(IEnumerable<RoleAssignmentRecord> roles, Permission permission, EmulatorState state)
    {
        var granting = roles.Where(r => PermissionTable.Allows([r.Role], permission)).ToList();
        if (granting.Count == 0 || granting.Any(r => r.Organization is null))
        {
            return ApplicationWide;
        }

        var roots = granting.Select(r => r.Organization!).ToHashSet(StringComparer.Ordinal);
        return new OrganizationScope(OrganizationTree.WithDescendants(state, roots), roots);
    }

    /// <summary>Whether <paramref name="organization"/> (null: the application's root) lies in this scope.</summary>
    public bool Covers(string? organization) =>
        IsApplicationWide || (organization is not null && _covered.Contains(organization));

    /// <summary>Whether the caller may see <paramref name="record"/>: true for kinds of record no organization owns.</summary>
    public bool Admits(object? record) =>
        IsApplicationWide || record is null || OrganizationOwners.Of(record) is not { } owners || owners.All(Covers);

    /// <summary>
    /// Refuses (403) a body that would put something in an organization outside the scope, or in none (the root) when
    /// the scope is not application-wide.
    /// </summary>
    public void RequireCovers(IEnumerable<string?> organizations, string property)
    {
        foreach (var organization in organizations)
        {
            if (!Covers(organization))
            {
                throw ApiException.Forbidden(organization is null
                    ? $"Property '{property}': the caller's roles are limited to the organization(s) {Names()}; name one of them or an organization below them."
                    : $"Property '{property}': the organization '{organization}' is outside the caller's organization(s) {Names()}.");
            }
        }
    }

    /// <summary><see cref="RequireCovers"/> for a device, group or job body: no organization means the root.</summary>
    public void RequirePlaced(IReadOnlyList<string> organizations, string property) =>
        RequireCovers(organizations.Count == 0 ? new string?[] { null } : (IEnumerable<string?>)organizations, property);

    /// <summary>
    /// Refuses (403) role assignments a scoped caller may not hand out: one outside its organizations, or an
    /// application role, which the service assigns only at the root.
    /// </summary>
    public void RequireAssignable(IEnumerable<RoleAssignmentRecord> roles)
    {
        if (IsApplicationWide)
        {
            return;
        }

        foreach (var assignment in roles)
        {
            RequireCovers([assignment.Organization], "roles[].organization");
            if (BuiltInRoles.Find(assignment.Role) is { IsOrganizationRole: false } role)
            {
                throw ApiException.Forbidden(
                    $"Property 'roles[].role': '{role.DisplayName}' is an application role; a caller limited to organizations may assign only organization roles.");
            }
        }
    }

    private string Names() => "'" + string.Join("', '", Roots.Order(StringComparer.Ordinal)) + "'";
}
