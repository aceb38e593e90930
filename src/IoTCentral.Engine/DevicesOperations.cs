using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using IoTCentral.Engine.Internal;
using IoTCentral.Engine.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine;

/// <summary>The application's devices.</summary>
public sealed class DevicesOperations
{
    private readonly RestClient _rest;

    internal DevicesOperations(RestClient rest) => _rest = rest;

    public Task<Page<Device>> ListAsync(string? nextLink, CancellationToken ct) =>
        _rest.ListAsync("devices", nextLink, DeviceJson.Read, ct);

    public Task<Device> GetAsync(string id, CancellationToken ct) =>
        _rest.SendJsonAsync(RequestMethod.Get, PathOf(id), null, RestClient.JsonContentType, DeviceJson.Read, ct);

    /// <summary>PUT /devices/{id} with the properties the caller set (display name, template, enabled, simulated, organizations).</summary>
    public Task<Device> CreateAsync(Device device, CancellationToken ct)
    {
        if (device is null)
        {
            throw new ArgumentNullException(nameof(device));
        }

        return _rest.SendJsonAsync(RequestMethod.Put, PathOf(device.Id), DeviceJson.WriteCreate(device), RestClient.JsonContentType, DeviceJson.Read, ct);
    }

    /// <summary>A JSON merge patch: <paramref name="changes"/> keys are the JSON names (displayName, template, enabled, simulated, organizations).</summary>
    public Task<Device> UpdateAsync(string id, IDictionary<string, object?> changes, CancellationToken ct)
    {
        if (changes is null || changes.Count == 0)
        {
            throw new ArgumentException("There are no changes to send.", nameof(changes));
        }

        return _rest.SendJsonAsync(RequestMethod.Patch, PathOf(id), JsonTreeWriter.ToUtf8(changes), RestClient.MergePatchContentType, DeviceJson.Read, ct);
    }

    public Task RemoveAsync(string id, CancellationToken ct) =>
        _rest.SendAsync(RequestMethod.Delete, PathOf(id), null, RestClient.JsonContentType, null, null, ct);

    /// <summary>The DPS id scope and keys; the keys come back as read-only SecureStrings.</summary>
    public Task<DeviceCredential> GetCredentialsAsync(string id, CancellationToken ct) =>
        _rest.SendJsonAsync(RequestMethod.Get, PathOf(id) + "/credentials", null, RestClient.JsonContentType, root => DeviceCredentialJson.Read(id, root), ct);

    private static string PathOf(string id) => "devices/" + PathSegment.Escape(id);
}
