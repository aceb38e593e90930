using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine.Internal;
using IoTCentral.Engine.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine;

/// <summary>The application's device groups and the devices each one's filter selects.</summary>
public sealed class DeviceGroupsOperations
{
    private readonly RestClient _rest;
    private readonly ResourceCollection<DeviceGroup> _groups;

    internal DeviceGroupsOperations(RestClient rest)
    {
        _rest = rest;
        _groups = new ResourceCollection<DeviceGroup>(rest, "deviceGroups", DeviceGroupJson.Read);
    }

    public Task<Page<DeviceGroup>> ListAsync(string? nextLink, CancellationToken ct) => _groups.ListAsync(nextLink, ct);

    public Task<DeviceGroup> GetAsync(string id, CancellationToken ct) => _groups.GetAsync(id, ct);

    /// <summary>PUT /deviceGroups/{id}: display name and filter are required; description and organization optional.</summary>
    public Task<DeviceGroup> CreateAsync(DeviceGroup group, CancellationToken ct)
    {
        if (group is null)
        {
            throw new ArgumentNullException(nameof(group));
        }

        return _groups.PutAsync(group.Id, DeviceGroupJson.WriteCreate(group), ct);
    }

    /// <summary>A JSON merge patch: keys are the JSON names (displayName, filter, description, organizations, etag).</summary>
    public Task<DeviceGroup> UpdateAsync(string id, IDictionary<string, object?> changes, CancellationToken ct) => _groups.PatchAsync(id, changes, ct);

    public Task RemoveAsync(string id, CancellationToken ct) => _groups.RemoveAsync(id, ct);

    /// <summary>One page of the devices in the group; <paramref name="nextLink"/> null for the first.</summary>
    public Task<Page<Device>> ListDevicesAsync(string id, string? nextLink, CancellationToken ct) =>
        _rest.ListAsync(_groups.PathOf(id) + "/devices", nextLink, DeviceJson.Read, ct);
}
