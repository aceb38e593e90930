using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Azure;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using IoTCentral.Emulator.State;

namespace IoTCentral.Emulator.Features.DataExport;

/// <summary>
/// Appends export records to a <c>blobstorage@v1</c> destination with connection-string authorization, one JSON
/// record per line, in an append blob per export and minute:
/// <c>{containerName}/{applicationId}/0/{yyyy}/{MM}/{dd}/{HH}/{mm}/{exportId}.json</c> (UTC, the emulator's clock at
/// delivery; the emulator has one partition). The container must exist, as in IoT Central. The SDK parses the
/// connection string and signs the requests; its retries are off because <see cref="ExportDelivery"/> retries.
/// </summary>
internal sealed class BlobSender(StateStore store, TimeProvider clock) : IExportSender, IDisposable
{
    public static readonly TimeSpan Timeout = WebhookSender.Timeout;

    // As for webhooks: no proxy, no redirects, so requests go only to the endpoint the connection string names.
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false, UseCookies = false })
    {
        // The SDK's network timeout applies per request instead.
        Timeout = System.Threading.Timeout.InfiniteTimeSpan,
    };

    private sealed record Target(string ConnectionString, string ContainerName, BlobContainerClient Client);

    // By destination id; rebuilt when the destination's connection string or container changes.
    private readonly ConcurrentDictionary<string, Target> _targets = new(StringComparer.Ordinal);

    public async Task<string?> SendAsync(string exportId, string destinationId, JsonObject destination, JsonNode? record, CancellationToken ct)
    {
        var auth = destination["authorization"]!;
        var connectionString = auth["connectionString"]!.GetValue<string>();
        var containerName = auth["containerName"]!.GetValue<string>();
        BlobContainerClient container;
        try
        {
            container = ClientFor(destinationId, connectionString, containerName);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            // The SDK's message may quote the connection string, so it is not passed on.
            return "the connection string is not a valid Azure Storage connection string (AccountName and AccountKey, a SharedAccessSignature, or UseDevelopmentStorage=true, with an optional BlobEndpoint).";
        }

        try
        {
            var blob = container.GetAppendBlobClient(BlobName(exportId));
            await blob.CreateIfNotExistsAsync(cancellationToken: ct).ConfigureAwait(false);
            using var line = new MemoryStream(Encoding.UTF8.GetBytes((record?.ToJsonString() ?? "null") + "\n"));
            await blob.AppendBlockAsync(line, cancellationToken: ct).ConfigureAwait(false);
            return null;
        }
        catch (RequestFailedException e) when (e.ErrorCode == "ContainerNotFound")
        {
            return $"the container '{containerName}' does not exist in the storage account; create it (IoT Central does not).";
        }
        catch (RequestFailedException e) when (e.Status == 0)
        {
            // No answer at all: the transport's own message names the host and what failed.
            return $"the Blob service could not be reached: {(e.InnerException ?? e).Message}";
        }
        catch (RequestFailedException e)
        {
            return $"the Blob service answered {e.Status}{(e.ErrorCode is { } code ? " " + code : string.Empty)}.";
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return $"the Blob service did not answer within {Timeout.TotalSeconds:0} seconds.";
        }
    }

    public void Forget(string destinationId) => _targets.TryRemove(destinationId, out _);

    public void Dispose() => _http.Dispose();

    private BlobContainerClient ClientFor(string destinationId, string connectionString, string containerName)
    {
        if (_targets.TryGetValue(destinationId, out var cached) && cached.ConnectionString == connectionString && cached.ContainerName == containerName)
        {
            return cached.Client;
        }

        var options = new BlobClientOptions { Transport = new HttpClientTransport(_http) };
        options.Retry.MaxRetries = 0;
        options.Retry.NetworkTimeout = Timeout;
        var client = new BlobContainerClient(connectionString, containerName, options);
        _targets[destinationId] = new Target(connectionString, containerName, client);
        return client;
    }

    private string BlobName(string exportId)
    {
        var applicationId = store.Read(s => s.Application.Id);
        var minute = clock.GetUtcNow().UtcDateTime.ToString("yyyy'/'MM'/'dd'/'HH'/'mm", CultureInfo.InvariantCulture);
        return $"{applicationId}/0/{minute}/{exportId}.json";
    }
}
