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
public sealed class DevicesOperations : CollectionOperations<Device>
{
    private const string AttestationSegment = "attestation";

    private readonly RestClient _rest;

    internal DevicesOperations(RestClient rest)
        : base(new ResourceCollection<Device>(rest, "devices", DeviceJson.Read))
        => _rest = rest;

    /// <summary>
    /// Devices_List with the preview's server-side options (query parameters filter, orderby and maxpagesize, which only
    /// api-version 2022-10-31-preview defines). With none of them set this is the GA list above, unchanged.
    /// </summary>
    public Task<Page<Device>> ListAsync(string? filter, string? orderBy, int? maxPageSize, string? nextLink, CancellationToken ct)
    {
        if (filter is null && orderBy is null && maxPageSize is null)
        {
            return ListAsync(nextLink, ct);
        }

        if (maxPageSize is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPageSize), maxPageSize, "The preview spec allows a page size from 1 to 100.");
        }

        // A nextLink carries the options and the api-version already; only the first request needs them.
        var path = nextLink;
        if (string.IsNullOrEmpty(path))
        {
            var query = new List<string>();
            if (filter is not null)
            {
                query.Add("filter=" + Uri.EscapeDataString(filter));
            }

            if (orderBy is not null)
            {
                query.Add("orderby=" + Uri.EscapeDataString(orderBy));
            }

            if (maxPageSize is not null)
            {
                query.Add("maxpagesize=" + maxPageSize.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            path = "devices?" + string.Join("&", query);
        }

        return _rest.SendJsonAsync(RequestMethod.Get, path!, null, RestClient.JsonContentType, QueryOperations.ApiVersion, null, root => PageJson.Read(root, DeviceJson.Read), ct);
    }

    /// <summary>PUT /devices/{id} with the properties the caller set (display name, template, enabled, simulated, organizations).</summary>
    public Task<Device> CreateAsync(Device device, CancellationToken ct)
    {
        if (device is null)
        {
            throw new ArgumentNullException(nameof(device));
        }

        return Collection.PutAsync(device.Id, DeviceJson.WriteCreate(device), ct);
    }

    /// <summary>The DPS id scope and keys; the keys come back as read-only SecureStrings.</summary>
    public Task<DeviceCredential> GetCredentialsAsync(string id, CancellationToken ct) =>
        _rest.SendJsonAsync(RequestMethod.Get, Collection.PathOf(id) + "/credentials", null, RestClient.JsonContentType, root => DeviceCredentialJson.Read(id, root), ct);

    public Task<Page<DeviceRelationship>> ListRelationshipsAsync(string deviceId, string? nextLink, CancellationToken ct) =>
        Relationships(deviceId).ListAsync(nextLink, ct);

    public Task<DeviceRelationship> GetRelationshipAsync(string deviceId, string relationshipId, CancellationToken ct) =>
        Relationships(deviceId).GetAsync(relationshipId, ct);

    /// <summary>PUT /devices/{source}/relationships/{id} with the source and target.</summary>
    public Task<DeviceRelationship> CreateRelationshipAsync(DeviceRelationship relationship, CancellationToken ct)
    {
        if (relationship is null)
        {
            throw new ArgumentNullException(nameof(relationship));
        }

        return Relationships(relationship.DeviceId).PutAsync(relationship.Name, DeviceRelationshipJson.WriteCreate(relationship), ct);
    }

    /// <summary>A JSON merge patch of the relationship (the service lets only <c>target</c> change).</summary>
    public Task<DeviceRelationship> UpdateRelationshipAsync(string deviceId, string relationshipId, IDictionary<string, object?> changes, CancellationToken ct) =>
        Relationships(deviceId).PatchAsync(relationshipId, changes, ct);

    public Task RemoveRelationshipAsync(string deviceId, string relationshipId, CancellationToken ct) =>
        Relationships(deviceId).RemoveAsync(relationshipId, ct);

    /// <summary>The device's individual attestation; symmetric keys come back as read-only SecureStrings.</summary>
    public Task<DeviceAttestation> GetAttestationAsync(string deviceId, CancellationToken ct) =>
        Attestation(deviceId).GetAsync(AttestationSegment, ct);

    /// <summary>PUT of an attestation body (a dictionary tree: type and the symmetricKey, tpm or x509 member).</summary>
    public Task<DeviceAttestation> SetAttestationAsync(string deviceId, IDictionary<string, object?> attestation, CancellationToken ct) =>
        Attestation(deviceId).PutAsync(AttestationSegment, JsonTreeWriter.ToUtf8(attestation), ct);

    /// <summary>A JSON merge patch of the attestation, such as a new secondary key or certificate.</summary>
    public Task<DeviceAttestation> UpdateAttestationAsync(string deviceId, IDictionary<string, object?> changes, CancellationToken ct) =>
        Attestation(deviceId).PatchAsync(AttestationSegment, changes, ct);

    public Task RemoveAttestationAsync(string deviceId, CancellationToken ct) => Attestation(deviceId).RemoveAsync(AttestationSegment, ct);

    // The attestation is a single resource below the device: the device's path is its "collection" and the fixed
    // segment its id, which gives it the collection's handling of lost answers to PUT and DELETE.
    private ResourceCollection<DeviceAttestation> Attestation(string deviceId) =>
        new(_rest, Collection.PathOf(deviceId), root => DeviceAttestationJson.Read(deviceId, root));

    // Relationships are a collection under one device, so the collection's path carries the escaped device id.
    private ResourceCollection<DeviceRelationship> Relationships(string deviceId) =>
        new(_rest, Collection.PathOf(deviceId) + "/relationships", root => DeviceRelationshipJson.Read(deviceId, root));
}
