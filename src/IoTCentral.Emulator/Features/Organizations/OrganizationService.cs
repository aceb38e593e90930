using IoTCentral.Emulator.Auth.Scope;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;

namespace IoTCentral.Emulator.Features.Organizations;

/// <summary>
/// Organizations_* against the <see cref="StateStore"/>: a forest of organizations, each with at most one parent.
/// A change that would make an organization its own ancestor, or name a parent that does not exist, is refused, so
/// the stored tree never has a cycle or a dangling parent.
/// </summary>
internal sealed partial class OrganizationService(StateStore store)
{
    public const int MaxIdLength = 48;

    // The spec's organizationId pattern, with the length the spec gives (at most 48).
    [GeneratedRegex("^(?!-)[a-z0-9-]{1,48}[a-z0-9]$")]
    private static partial Regex IdPattern();

    public static bool IsValidId(string id) => id.Length <= MaxIdLength && IdPattern().IsMatch(id);

    public IReadOnlyList<OrganizationRecord> List() => store.Read(s => s.Organizations.Values.ToList());

    public OrganizationRecord Get(string id) => store.Read(s => s.Organizations.GetValueOrDefault(id)) ?? throw NotFound(id);

    /// <summary>PUT: creates the organization, or replaces its display name and parent.</summary>
    public OrganizationRecord CreateOrReplace(string id, JsonFields body)
    {
        if (!IsValidId(id))
        {
            throw ApiException.BadRequest(
                $"The organization id '{id}' is not valid: use 2 to {MaxIdLength} lower-case letters, digits or '-', not starting with '-' nor ending with '-'.",
                ErrorCodes.InvalidId);
        }

        var organization = Parse(id, body);
        return store.Write(state => Save(state, organization));
    }

    /// <summary>PATCH: a merge-patch of the current representation; <c>"parent": null</c> makes it top-level.</summary>
    public OrganizationRecord Update(string id, JsonObject patch) => store.Write(state =>
    {
        var current = state.Organizations.GetValueOrDefault(id) ?? throw NotFound(id);
        var merged = JsonMergePatch.Apply(OrganizationResponse.From(current), patch) as JsonObject ?? new JsonObject();
        return Save(state, Parse(id, new JsonFields(merged)));
    });

    /// <summary>
    /// DELETE: refused with 409 while anything still belongs to the organization (child organizations, devices,
    /// device groups, users, API tokens, dashboards or deployment manifests), so nothing is left pointing at an
    /// organization that is gone.
    /// </summary>
    public void Remove(string id) => store.Write(state =>
    {
        if (!state.Organizations.ContainsKey(id))
        {
            throw NotFound(id);
        }

        var uses = Uses(state, id);
        if (uses.Count > 0)
        {
            throw ApiException.Conflict(
                $"The organization '{id}' cannot be deleted while it still has {string.Join(", ", uses)}; move or delete them first.",
                ErrorCodes.OrganizationInUse);
        }

        return state.Organizations.Remove(id);
    });

    /// <summary>
    /// Checks, inside a state write, that every organization a body names exists (400 naming the property otherwise),
    /// so that devices, users and tokens never point at an unknown organization.
    /// </summary>
    public static void RequireExisting(EmulatorState state, IEnumerable<string?> organizations, string property)
    {
        foreach (var organization in organizations)
        {
            if (organization is not null && !state.Organizations.ContainsKey(organization))
            {
                throw ApiException.BadRequest(
                    $"Property '{property}': the organization '{organization}' does not exist; create it first.", ErrorCodes.OrganizationNotFound);
            }
        }
    }

    private static List<string> Uses(EmulatorState state, string id)
    {
        var uses = new List<string>();
        void Count(int count, string what)
        {
            if (count > 0)
            {
                uses.Add($"{count} {what}");
            }
        }

        Count(state.Organizations.Values.Count(o => o.Parent == id), "child organization(s)");
        Count(state.Devices.Values.Count(d => d.Organizations.Contains(id)), "device(s)");
        Count(state.DeviceGroups.Values.Count(g => g.Organizations.Contains(id)), "device group(s)");
        Count(state.Users.Values.Count(u => u.Roles.Any(r => r.Organization == id)), "user(s)");
        Count(state.ApiTokens.Values.Count(t => t.Roles.Any(r => r.Organization == id)), "API token(s)");
        Count(state.Dashboards.Values.Count(d => OrganizationOwners.Of(d)!.Contains(id)), "dashboard(s)");
        Count(state.DeploymentManifests.Values.Count(m => OrganizationOwners.Of(m)!.Contains(id)), "deployment manifest(s)");
        return uses;
    }

    private static OrganizationRecord Parse(string id, JsonFields body)
    {
        var displayName = body.GetString("displayName");
        if (displayName is not null && string.IsNullOrWhiteSpace(displayName))
        {
            throw ApiException.BadRequest("Property 'displayName' must not be empty.", ErrorCodes.InvalidRequestBody);
        }

        var parent = body.GetString("parent");
        if (parent is { Length: 0 })
        {
            throw ApiException.BadRequest("Property 'parent' must not be empty; leave it out for a top-level organization.", ErrorCodes.InvalidRequestBody);
        }

        return new OrganizationRecord(id, displayName ?? id, parent);
    }

    private static OrganizationRecord Save(EmulatorState state, OrganizationRecord organization)
    {
        if (organization.Parent is { } parent)
        {
            RequireExisting(state, [parent], "parent");

            // Walking up from the new parent must never reach the organization itself.
            for (var ancestor = state.Organizations.GetValueOrDefault(parent); ancestor is not null; ancestor = ancestor.Parent is null ? null : state.Organizations.GetValueOrDefault(ancestor.Parent))
            {
                if (ancestor.Id == organization.Id)
                {
                    throw ApiException.BadRequest(
                        $"Property 'parent': '{parent}' is '{organization.Id}' or one of its descendants; an organization cannot be its own ancestor.",
                        ErrorCodes.InvalidRequestBody);
                }
            }
        }

        OrganizationScope.Current.RequireCovers([organization.Parent], "parent");
        return state.Organizations[organization.Id] = organization;
    }

    private static ApiException NotFound(string id) =>
        ApiException.NotFound($"The organization '{id}' does not exist.", ErrorCodes.OrganizationNotFound);
}
