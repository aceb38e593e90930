using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine.Internal;
using IoTCentral.Engine.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine;

/// <summary>The application's device groups and the devices each one's filter selects.</summary>
public sealed class DeviceGroupsOperations : CollectionOperations<DeviceGroup>
{
    private readonly RestClient _rest;

    internal DeviceGroupsOperations(RestClient rest)
        : base(new ResourceCollection<DeviceGroup>(rest, "deviceGroups", DeviceGroupJson.Read))
        => _rest = rest;

    /// <summary>PUT /deviceGroups/{id}: display name and filter are required; description and organization optional.</summary>
    public Task<DeviceGroup> CreateAsync(DeviceGroup group, CancellationToken ct)
    {
        if (group is null)
        {
            throw new ArgumentNullException(nameof(group));
        }

        return Collection.PutAsync(group.Id, DeviceGroupJson.WriteCreate(group), ct);
    }

    /// <summary>One page of the devices in the group; <paramref name="nextLink"/> null for the first.</summary>
    public Task<Page<Device>> ListDevicesAsync(string id, string? nextLink, CancellationToken ct) =>
        ListDevicesAsync(id, null, nextLink, ct);

    /// <summary>As above, at most <paramref name="maxPageSize"/> per page (the preview's maxpagesize; null: the GA list).</summary>
    public Task<Page<Device>> ListDevicesAsync(string id, int? maxPageSize, string? nextLink, CancellationToken ct) =>
        _rest.ListAsync(Collection.PathOf(id) + "/devices", null, ListOptions.PageSize(maxPageSize), nextLink, DeviceJson.Read, ct);

    /// <summary>DeviceGroups_List with the preview's filter, orderby and maxpagesize; with none of them, the GA list.</summary>
    public Task<Page<DeviceGroup>> ListAsync(ListOptions? options, string? nextLink, CancellationToken ct) => Collection.ListAsync(options, nextLink, ct);
}
