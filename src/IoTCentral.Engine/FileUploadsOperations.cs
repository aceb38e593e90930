using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using IoTCentral.Engine.Internal;
using IoTCentral.Engine.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine;

/// <summary>
/// The application's file upload configuration (one per application). Every call uses the preview api-version,
/// whose FileUpload adds readAccess, so what is read shows every setting that can be written.
/// </summary>
public sealed class FileUploadsOperations
{
    private const string Path = "fileUploads";
    private readonly RestClient _rest;

    internal FileUploadsOperations(RestClient rest) => _rest = rest;

    public Task<FileUpload> GetAsync(CancellationToken ct) =>
        _rest.SendJsonAsync(RequestMethod.Get, Path, null, RestClient.JsonContentType, PreviewOnlyPaths.ApiVersion, null, FileUploadJson.Read, ct);

    /// <summary>PUT: a configuration body (connectionString and container required; account, sasTtl, readAccess optional).</summary>
    public Task<FileUpload> CreateAsync(IDictionary<string, object?> body, CancellationToken ct) =>
        _rest.SendJsonAsync(RequestMethod.Put, Path, JsonTreeWriter.ToUtf8(body), RestClient.JsonContentType, PreviewOnlyPaths.ApiVersion, null, FileUploadJson.Read, ct);

    /// <summary>A JSON merge patch of the configuration.</summary>
    public Task<FileUpload> UpdateAsync(IDictionary<string, object?> changes, CancellationToken ct) =>
        _rest.SendJsonAsync(RequestMethod.Patch, Path, JsonTreeWriter.ToUtf8(changes), RestClient.MergePatchContentType, PreviewOnlyPaths.ApiVersion, null, FileUploadJson.Read, ct);

    /// <summary>DELETE: the service then removes the configuration in the background (state deleting).</summary>
    public async Task RemoveAsync(CancellationToken ct)
    {
        var history = new AttemptHistory();
        try
        {
            await _rest.SendAsync(RequestMethod.Delete, Path, null, RestClient.JsonContentType, PreviewOnlyPaths.ApiVersion, null, history, ct).ConfigureAwait(false);
        }
        catch (IoTCentralException e) when (e.Status == 404 && history.AnAttemptMayHaveTakenEffect)
        {
            RequestLog.Verbose("DELETE fileUploads: the answer to an earlier attempt was lost and the retry found nothing left to delete; the delete took effect.");
        }
    }

    /// <summary>ISO 8601 duration text (PT1H) for -SasTtl.</summary>
    public static string FormatDuration(System.TimeSpan value) => FileUploadJson.FormatDuration(value);
}
