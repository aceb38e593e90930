using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine.Internal;
using IoTCentral.Models;

namespace IoTCentral.Engine;

/// <summary>
/// List, read, merge-patch and remove for a collection whose PATCH takes the JSON names as keys. Each derived class
/// adds only what differs: the body its create sends and the sub-resources it has.
/// </summary>
public abstract class CollectionOperations<T>
{
    private protected CollectionOperations(ResourceCollection<T> collection) => Collection = collection;

    private protected ResourceCollection<T> Collection { get; }

    /// <summary>One page; <paramref name="nextLink"/> null for the first.</summary>
    public Task<Page<T>> ListAsync(string? nextLink, CancellationToken ct) => Collection.ListAsync(nextLink, ct);

    public Task<T> GetAsync(string id, CancellationToken ct) => Collection.GetAsync(id, ct);

    /// <summary>A JSON merge patch: keys are the JSON names; a null value removes the member.</summary>
    public Task<T> UpdateAsync(string id, IDictionary<string, object?> changes, CancellationToken ct) => Collection.PatchAsync(id, changes, ct);

    public Task RemoveAsync(string id, CancellationToken ct) => Collection.RemoveAsync(id, ct);
}
