using System;
using System.Collections;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using IoTCentral.Engine.Json;
using IoTCentral.Models;

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
    private readonly string? _apiVersion;

    // apiVersion: for a preview-only collection, the api-version it exists in; null means the client's.
    public ResourceCollection(RestClient rest, string path, Func<JsonElement, T> read, string? apiVersion = null)
    {
        _rest = rest;
        _path = path;
        _read = read;
        _apiVersion = apiVersion;
    }

    public string PathOf(string id) => _path + "/" + PathSegment.Escape(id);

    public Task<Page<T>> ListAsync(string? nextLink, CancellationToken ct) => ListAsync(_path, nextLink, _read, ct);

    /// <summary>The collection's list with the preview's list options (none: the plain list).</summary>
    public Task<Page<T>> ListAsync(ListOptions? options, string? nextLink, CancellationToken ct) =>
        _rest.ListAsync(_path, _apiVersion, options, nextLink, _read, ct);

    /// <summary>One page of a list under this collection (the first from <paramref name="path"/>, else the nextLink), in its api-version.</summary>
    public Task<Page<TItem>> ListAsync<TItem>(string path, string? nextLink, Func<JsonElement, TItem> readItem, CancellationToken ct) =>
        _rest.ListAsync(path, _apiVersion, null, nextLink, readItem, ct);

    public Task<T> GetAsync(string id, CancellationToken ct) =>
        _rest.SendJsonAsync(RequestMethod.Get, PathOf(id), null, RestClient.JsonContentType, _apiVersion, null, _read, ct);

    /// <summary>
    /// PUT (create or replace). When an attempt's answer was lost and the retry is refused with 409 because the resource
    /// now exists, that attempt most likely created it: the resource is read back and returned, rather than reporting
    /// a conflict with the caller's own request.
    /// </summary>
    public async Task<T> PutAsync(string id, byte[] body, CancellationToken ct)
    {
        var path = PathOf(id);
        var history = new AttemptHistory();
        RestResult result;
        try
        {
            result = await _rest.SendAsync(RequestMethod.Put, path, body, RestClient.JsonContentType, _apiVersion, null, history, ct).ConfigureAwait(false);
        }
        catch (IoTCentralException e) when (e.Status == 409 && history.AnAttemptMayHaveTakenEffect)
        {
            var created = await TryReadBackAsync(id, ct).ConfigureAwait(false);
            if (created is null)
            {
                throw;
            }

            RequestLog.Verbose($"PUT {path}: the answer to an earlier attempt was lost and the retry found the resource in place; read it back to confirm the create.");
            return created;
        }

        return RestClient.ReadJson(result, RequestMethod.Put, path, _read);
    }

    /// <summary>A JSON merge-patch of <paramref name="changes"/> (a dictionary tree); an empty patch is refused, as it would change nothing.</summary>
    public Task<T> PatchAsync(string id, IEnumerable changes, CancellationToken ct)
    {
        if (changes is null || !changes.GetEnumerator().MoveNext())
        {
            throw new ArgumentException("There are no changes to send.", nameof(changes));
        }

        return _rest.SendJsonAsync(RequestMethod.Patch, PathOf(id), JsonTreeWriter.ToUtf8(changes), RestClient.MergePatchContentType, _apiVersion, null, _read, ct);
    }

    /// <summary>
    /// DELETE. A 404 after an attempt whose answer was lost means that attempt did the deleting, so it counts as success;
    /// a 404 on the first answer is the caller's error as usual.
    /// </summary>
    public async Task RemoveAsync(string id, CancellationToken ct)
    {
        var path = PathOf(id);
        var history = new AttemptHistory();
        try
        {
            await _rest.SendAsync(RequestMethod.Delete, path, null, RestClient.JsonContentType, _apiVersion, null, history, ct).ConfigureAwait(false);
        }
        catch (IoTCentralException e) when (e.Status == 404 && history.AnAttemptMayHaveTakenEffect)
        {
            RequestLog.Verbose($"DELETE {path}: the answer to an earlier attempt was lost and the retry found nothing left to delete; the delete took effect.");
        }
    }

    private async Task<T?> TryReadBackAsync(string id, CancellationToken ct)
    {
        try
        {
            return await GetAsync(id, ct).ConfigureAwait(false);
        }
        catch (IoTCentralException e) when (e.Status == 404)
        {
            return default;
        }
    }
}
