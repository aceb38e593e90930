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

    /// <summary>Devices_List with the preview's filter, orderby and maxpagesize; with none of them, the GA list above.</summary>
    public Task<Page<Device>> ListAsync(ListOptions? options, string? nextLink, CancellationToken ct) => Collection.ListAsync(options, nextLink, ct);

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

    /// <summary>As above, at most <paramref name="maxPageSize"/> per page (the preview's maxpagesize; null: the GA list).</summary>
    public Task<Page<DeviceRelationship>> ListRelationshipsAsync(string deviceId, int? maxPageSize, string? nextLink, CancellationToken ct) =>
        Relationships(deviceId).ListAsync(ListOptions.PageSize(maxPageSize), nextLink, ct);

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
