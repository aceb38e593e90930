using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine.Internal;
using IoTCentral.Engine.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine;

/// <summary>The application's organizations (a tree: each has at most one parent).</summary>
public sealed class OrganizationsOperations
{
    private readonly ResourceCollection<Organization> _organizations;

    internal OrganizationsOperations(RestClient rest) =>
        _organizations = new ResourceCollection<Organization>(rest, "organizations", OrganizationJson.Read);

    public Task<Page<Organization>> ListAsync(string? nextLink, CancellationToken ct) => _organizations.ListAsync(nextLink, ct);

    public Task<Organization> GetAsync(string id, CancellationToken ct) => _organizations.GetAsync(id, ct);

    /// <summary>PUT /organizations/{id} with the display name and parent the caller set.</summary>
    public Task<Organization> CreateAsync(Organization organization, CancellationToken ct)
    {
        if (organization is null)
        {
            throw new ArgumentNullException(nameof(organization));
        }

        return _organizations.PutAsync(organization.Id, OrganizationJson.WriteCreate(organization), ct);
    }

    /// <summary>A JSON merge patch: keys are the JSON names (displayName, parent); a null parent makes it top-level.</summary>
    public Task<Organization> UpdateAsync(string id, IDictionary<string, object?> changes, CancellationToken ct) => _organizations.PatchAsync(id, changes, ct);

    public Task RemoveAsync(string id, CancellationToken ct) => _organizations.RemoveAsync(id, ct);
}
