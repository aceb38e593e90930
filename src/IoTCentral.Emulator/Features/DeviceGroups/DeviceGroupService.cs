using IoTCentral.Emulator.Auth.Scope;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IoTCentral.Emulator.Features.DeviceData;
using IoTCentral.Emulator.Features.Devices;
using IoTCentral.Emulator.Features.DeviceTemplates;
using IoTCentral.Emulator.Features.Organizations;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;
using Microsoft.Extensions.Primitives;

namespace IoTCentral.Emulator.Features.DeviceGroups;

/// <summary>
/// DeviceGroups_* against the <see cref="StateStore"/>. A group stores its filter, not its members: the devices in
/// it are those the filter selects at the time of asking, as in IoT Central.
/// </summary>
internal sealed partial class DeviceGroupService(StateStore store, DeviceTemplateService templates, DevicePropertiesService properties)
{
    public const int MaxIdLength = 255;

    [GeneratedRegex("^[a-zA-Z0-9_-]*$")]
    private static partial Regex IdPattern();

    public static bool IsValidId(string id) => id.Length is > 0 and <= MaxIdLength && IdPattern().IsMatch(id);

    public IReadOnlyList<DeviceGroupRecord> List() => store.Read(s => s.DeviceGroups.Values.ToList());

    public DeviceGroupRecord Get(string id) => store.Read(s => s.DeviceGroups.GetValueOrDefault(id)) ?? throw NotFound(id);

    /// <summary>PUT: creates the group or replaces it (an etag in the body or If-Match must then match).</summary>
    public DeviceGroupRecord CreateOrReplace(string id, JsonFields body, StringValues ifMatch)
    {
        if (!IsValidId(id))
        {
            throw ApiException.BadRequest(
                $"The device group id '{id}' is not valid: use 1 to {MaxIdLength} letters, digits, '-' or '_'.", ErrorCodes.InvalidId);
        }

        var group = Parse(id, body);
        return store.Write(state =>
        {
            if (state.DeviceGroups.TryGetValue(id, out var current))
            {
                Etags.Check(current.Etag, body.GetString("etag"), ifMatch, "device group");
            }

            OrganizationService.RequireExisting(state, group.Organizations, "organizations");
        OrganizationScope.Current.RequirePlaced(group.Organizations, "organizations");
            return state.DeviceGroups[id] = group;
        });
    }

    /// <summary>PATCH: a merge-patch of the current representation, validated like a PUT body.</summary>
    public DeviceGroupRecord Update(string id, JsonObject patch, StringValues ifMatch) => store.Write(state =>
    {
        var current = state.DeviceGroups.GetValueOrDefault(id) ?? throw NotFound(id);
        Etags.Check(current.Etag, new JsonFields(patch).GetString("etag"), ifMatch, "device group");
        patch.Remove("etag");
        var merged = JsonMergePatch.Apply(DeviceGroupResponse.From(current), patch) as JsonObject ?? new JsonObject();
        var group = Parse(id, new JsonFields(merged));
        OrganizationService.RequireExisting(state, group.Organizations, "organizations");
        OrganizationScope.Current.RequirePlaced(group.Organizations, "organizations");
        return state.DeviceGroups[id] = group;
    });

    public void Remove(string id)
    {
        if (!store.Write(s => s.DeviceGroups.Remove(id)))
        {
            throw NotFound(id);
        }
    }

    /// <summary>
    /// The devices the group's filter selects now. A group saved in an organization holds only devices within that
    /// organization's scope: devices in it or in an organization below it, as a user of that organization sees them.
    /// </summary>
    public IReadOnlyList<DeviceRecord> Devices(string id)
    {
        var (group, devices, scope) = store.Read(s =>
        {
            var found = s.DeviceGroups.GetValueOrDefault(id);
            var covered = found is { Organizations.Count: > 0 } ? OrganizationTree.WithDescendants(s, found.Organizations) : null;
            return (found, s.Devices.Values.ToList(), covered);
        });
        if (group is null || !OrganizationScope.Current.Admits(group))
        {
            throw NotFound(id);
        }

        var filter = DeviceGroupFilter.Parse(group.Filter);
        return devices.Where(d => (scope is null || d.Organizations.Any(scope.Contains)) && filter.Matches(d, PropertiesOf(d))).ToList();
    }

    private IReadOnlyDictionary<string, JsonNode?> PropertiesOf(DeviceRecord device) =>
        device.Template is { } template && templates.FindModel(template) is { } model
            ? properties.Values(device, model)
            : new Dictionary<string, JsonNode?>();

    private static DeviceGroupRecord Parse(string id, JsonFields body)
    {
        var displayName = body.GetString("displayName");
        if (string.IsNullOrWhiteSpace(displayName))
        {
            throw Invalid("Property 'displayName' is required and must not be empty.");
        }

        var filter = body.GetString("filter") ?? throw Invalid("Property 'filter' is required, for example SELECT * FROM devices WHERE $simulated = true.");
        DeviceGroupFilter.Parse(filter);
        var organizations = body.GetStringArray("organizations") ?? [];
        if (organizations.Length > DeviceChanges.MaxOrganizations)
        {
            throw Invalid($"Property 'organizations' may list at most {DeviceChanges.MaxOrganizations} organization; the service supports one per group today.");
        }

        return new DeviceGroupRecord(id, Etags.New(), displayName, filter, body.GetString("description"), organizations);
    }

    private static ApiException Invalid(string message) => ApiException.BadRequest(message, ErrorCodes.InvalidRequestBody);

    private static ApiException NotFound(string id) =>
        ApiException.NotFound($"The device group '{id}' does not exist.", ErrorCodes.DeviceGroupNotFound);
}
