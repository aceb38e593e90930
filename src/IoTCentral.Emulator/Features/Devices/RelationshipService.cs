using IoTCentral.Emulator.Auth.Scope;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;

namespace IoTCentral.Emulator.Features.Devices;

/// <summary>
/// Relationships of a source device to target devices. They are stored on the source device's record; the target
/// must be another existing device, a body's <c>source</c> (when given) must name the device in the path, and one
/// source may not relate to the same target twice under different ids (409), as the service refuses duplicates.
/// </summary>
internal sealed class RelationshipService(StateStore store)
{
    public IReadOnlyList<RelationshipRecord> List(string deviceId) =>
        store.Read(s => Device(s, deviceId).RelationshipList.OrderBy(r => r.Id, StringComparer.Ordinal).ToList());

    public RelationshipRecord Get(string deviceId, string relationshipId) =>
        store.Read(s => Find(Device(s, deviceId), relationshipId));

    /// <summary>PUT: creates the relationship or replaces its target.</summary>
    public Task<RelationshipRecord> CreateOrReplaceAsync(string deviceId, string relationshipId, JsonFields body)
    {
        if (!DeviceIds.IsValid(relationshipId))
        {
            throw ApiException.BadRequest($"The relationship id '{relationshipId}' is not valid: use {DeviceIds.Rule}.", ErrorCodes.InvalidId);
        }

        CheckSource(deviceId, body);
        var target = body.GetString("target")
            ?? throw ApiException.BadRequest("Property 'target' is required: the id of the target (child) device.", ErrorCodes.InvalidRequestBody);
        return store.WriteAsync(state => Save(state, Device(state, deviceId), new RelationshipRecord(relationshipId, target)));
    }

    /// <summary>PATCH (merge-patch): only the target can change; the id and source are fixed.</summary>
    public Task<RelationshipRecord> UpdateAsync(string deviceId, string relationshipId, JsonFields body)
    {
        CheckSource(deviceId, body);
        if (body.IsNull("target"))
        {
            throw ApiException.BadRequest("Property 'target' cannot be removed; delete the relationship instead.", ErrorCodes.InvalidRequestBody);
        }

        var target = body.GetString("target");
        return store.WriteAsync(state =>
        {
            var device = Device(state, deviceId);
            var current = Find(device, relationshipId);
            return target is null ? current : Save(state, device, current with { Target = target });
        });
    }

    public Task RemoveAsync(string deviceId, string relationshipId) => store.WriteAsync(state =>
    {
        var device = Device(state, deviceId);
        var current = Find(device, relationshipId);
        state.Devices[deviceId] = device with { Relationships = device.RelationshipList.Where(r => r != current).ToList() };
        return true;
    });

    /// <summary>
    /// Drops every relationship that targets <paramref name="deviceId"/>, for when that device is deleted, so no
    /// relationship points at a device that no longer exists (the source's own relationships go with its record).
    /// </summary>
    public static void ForgetTarget(EmulatorState state, string deviceId)
    {
        var affected = state.Devices.Values
            .Where(d => d.Relationships is { Count: > 0 } list && list.Any(r => r.Target == deviceId))
            .ToList();
        foreach (var device in affected)
        {
            state.Devices[device.Id] = device with { Relationships = device.RelationshipList.Where(r => r.Target != deviceId).ToList() };
        }
    }

    private static RelationshipRecord Save(EmulatorState state, DeviceRecord device, RelationshipRecord relationship)
    {
        if (relationship.Target == device.Id)
        {
            throw ApiException.BadRequest("A device cannot be in a relationship with itself.", ErrorCodes.InvalidRequestBody);
        }

        if (!(state.Devices.GetValueOrDefault(relationship.Target) is { } target && OrganizationScope.Current.Admits(target)))
        {
            throw ApiException.BadRequest($"The target device '{relationship.Target}' does not exist.", ErrorCodes.InvalidRequestBody);
        }

        if (device.RelationshipList.FirstOrDefault(r => r.Target == relationship.Target && r.Id != relationship.Id) is { } duplicate)
        {
            throw ApiException.Conflict(
                $"The device '{device.Id}' already has the relationship '{duplicate.Id}' to '{relationship.Target}'.",
                ErrorCodes.RelationshipExists);
        }

        var others = device.RelationshipList.Where(r => r.Id != relationship.Id);
        state.Devices[device.Id] = device with { Relationships = others.Append(relationship).ToList() };
        return relationship;
    }

    private static void CheckSource(string deviceId, JsonFields body)
    {
        var source = body.GetString("source");
        if (source is not null && source != deviceId)
        {
            throw ApiException.BadRequest(
                $"Property 'source' is '{source}' but the relationship belongs to the device '{deviceId}' in the path.",
                ErrorCodes.InvalidRequestBody);
        }
    }

    private static DeviceRecord Device(EmulatorState state, string deviceId) =>
        state.Devices.GetValueOrDefault(deviceId)
        ?? throw ApiException.NotFound($"The device '{deviceId}' does not exist.", ErrorCodes.DeviceNotFound);

    private static RelationshipRecord Find(DeviceRecord device, string relationshipId) =>
        device.RelationshipList.FirstOrDefault(r => r.Id == relationshipId)
        ?? throw ApiException.NotFound(
            $"The device '{device.Id}' has no relationship '{relationshipId}'.", ErrorCodes.RelationshipNotFound);
}
