using System;
using System.Collections;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using IoTCentral.Engine.Json;

namespace IoTCentral.Engine.Internal;

/// <summary>
/// The shape every IoT Central collection shares: GET /{collection} (paged), and GET, PUT, PATCH (merge-patch) and
/// DELETE on /{collection}/{id} with the id escaped as one path segment. Each *Operations class then states
/// only its collection path, its JSON mapping and its create body.
/// </summary>
internal sealed class ResourceCollection<T>
{
    private readonly RestClient _rest;
    private readonly string _path;
    private readonly Func<JsonElement, T> _read;

    public ResourceCollection(RestClient rest, string path, Func<JsonElement, T> read)
    {
        _rest = rest;
        _path = path;
        _read = read;
    }

    public string PathOf(string id) => _path + "/" + PathSegment.Escape(id);

    public Task<Page<T>> ListAsync(string? nextLink, CancellationToken ct) => _rest.ListAsync(_path, nextLink, _read, ct);

    public Task<T> GetAsync(string id, CancellationToken ct) =>
        _rest.SendJsonAsync(RequestMethod.Get, PathOf(id), null, RestClient.JsonContentType, _read, ct);

    public Task<T> PutAsync(string id, byte[] body, CancellationToken ct) =>
        _rest.SendJsonAsync(RequestMethod.Put, PathOf(id), body, RestClient.JsonContentType, _read, ct);

    /// <summary>A JSON merge-patch of <paramref name="changes"/> (a dictionary tree); an empty patch is refused, as it would change nothing.</summary>
    public Task<T> PatchAsync(string id, IEnumerable changes, CancellationToken ct)
    {
        if (changes is null || !changes.GetEnumerator().MoveNext())
        {
            throw new ArgumentException("There are no changes to send.", nameof(changes));
        }

        return _rest.SendJsonAsync(RequestMethod.Patch, PathOf(id), JsonTreeWriter.ToUtf8(changes), RestClient.MergePatchContentType, _read, ct);
    }

    public Task RemoveAsync(string id, CancellationToken ct) =>
        _rest.SendAsync(RequestMethod.Delete, PathOf(id), null, RestClient.JsonContentType, null, null, ct);
}
