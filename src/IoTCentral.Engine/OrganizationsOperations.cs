using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine.Internal;
using IoTCentral.Engine.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine;

/// <summary>The application's organizations (a tree: each has at most one parent).</summary>
public sealed class OrganizationsOperations : CollectionOperations<Organization>
{
    internal OrganizationsOperations(RestClient rest)
        : base(new ResourceCollection<Organization>(rest, "organizations", OrganizationJson.Read))
    {
    }

    /// <summary>PUT /organizations/{id} with the display name and parent the caller set.</summary>
    public Task<Organization> CreateAsync(Organization organization, CancellationToken ct)
    {
        if (organization is null)
        {
            throw new ArgumentNullException(nameof(organization));
        }

        return Collection.PutAsync(organization.Id, OrganizationJson.WriteCreate(organization), ct);
    }
}
