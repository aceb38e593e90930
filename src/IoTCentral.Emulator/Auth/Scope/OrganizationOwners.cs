using System.Text.Json.Nodes;
using IoTCentral.Emulator.State;

namespace IoTCentral.Emulator.Auth.Scope;

/// <summary>
/// Which organizations a stored record belongs to, for <see cref="OrganizationScope"/>. A null entry is the
/// application's root (a device, group, job, dashboard or deployment manifest in no organization; a role assignment
/// without one). A caller sees a
/// record only when its scope covers every entry, so a user with roles in two organizations is managed only by someone
/// who covers both.
/// </summary>
internal static class OrganizationOwners
{
    private static readonly IReadOnlyList<string?> Root = [null];

    /// <summary>The record's organizations, or null for kinds of record no organization owns (templates, roles, job device statuses).</summary>
    public static IReadOnlyList<string?>? Of(object record) => record switch
    {
        DeviceRecord device => OrRoot(device.Organizations),
        DeviceGroupRecord group => OrRoot(group.Organizations),
        JobRecord job => FromJson(job.Definition),
        ScheduledJobRecord scheduled => FromJson(scheduled.Body),
        DocumentRecord document => FromJson(document.Body),
        UserRecord user => user.Roles.Select(r => r.Organization).ToList(),
        ApiTokenRecord token => token.Roles.Select(r => r.Organization).ToList(),
        OrganizationRecord organization => [organization.Id],
        _ => null,
    };

    /// <summary>
    /// Who may change an organization: whoever covers its parent, so an Org Admin manages the organizations below its
    /// own but not its own (whose parent it does not cover), and a top-level one needs the whole application.
    /// </summary>
    public static IReadOnlyList<string?> ChangingOf(OrganizationRecord organization) => [organization.Parent];

    private static IReadOnlyList<string?> OrRoot(IReadOnlyList<string> organizations) =>
        organizations.Count == 0 ? Root : organizations.Cast<string?>().ToList();

    // Jobs, scheduled jobs, dashboards and deployment manifests keep their validated body as JSON text, with the spec's
    // "organizations" array.
    private static IReadOnlyList<string?> FromJson(string json) =>
        JsonNode.Parse(json)?["organizations"] is JsonArray { Count: > 0 } organizations
            ? organizations.Select(o => (string?)o?.GetValue<string>()).ToList()
            : Root;
}
