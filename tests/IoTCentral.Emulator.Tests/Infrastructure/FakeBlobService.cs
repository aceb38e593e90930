using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace IoTCentral.Emulator.Tests.Infrastructure;

/// <summary>
/// Just enough of the Blob service for data export tests, on 127.0.0.1 and a free port, path-style like Azurite
/// (<c>/{account}/{container}/{blob}</c>): creating an append blob (201, or 409 BlobAlreadyExists when
/// <c>If-None-Match: *</c> finds it) and appending a block (201). A container that was not added answers 404
/// ContainerNotFound with the storage XML error body. Records every request. Disposing stops it.
/// </summary>
public sealed class FakeBlobService : LoopbackHttpListener
{
    public const string Account = "devstoreaccount1";

    // Any base64 works: the fake does not check signatures, the test checks that there is one.
    public const string AccountKey = "ZmFrZS1ibG9iLWtleS1mb3ItdGVzdHMtb25seQ==";

    private readonly ConcurrentDictionary<string, byte> _containers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StringBuilder> _blobs = new(StringComparer.Ordinal);

    public FakeBlobService(params string[] containers)
    {
        foreach (var container in containers)
        {
            AddContainer(container);
        }

        Endpoint = $"http://127.0.0.1:{Port}/{Account}";
    }

    /// <summary>The account's blob endpoint, path-style.</summary>
    public string Endpoint { get; }

    public string ConnectionString => $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={AccountKey};BlobEndpoint={Endpoint};";

    /// <summary>Each request: method, path below the account (container/blob), query and Authorization header.</summary>
    public ConcurrentQueue<(string Method, string Path, string Query, string? Authorization, string? IfNoneMatch)> Requests { get; } = new();

    public void AddContainer(string name) => _containers[name] = 0;

    /// <summary>The blobs by path below the account (container/blob) and their lines.</summary>
    public IReadOnlyDictionary<string, string[]> Blobs() =>
        _blobs.ToDictionary(b => b.Key, b => { lock (b.Value) { return b.Value.ToString().Split('\n'); } });

    /// <summary>Polls (generously) until the blob has the number of lines; fails with what is stored otherwise.</summary>
    public async Task<string[]> WaitForLinesAsync(string path, int count)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < until)
        {
            if (Blobs().TryGetValue(path, out var lines) && lines.Length > count)
            {
                Assert.Equal(string.Empty, lines[^1]);
                return lines[..^1];
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"Blob '{path}' did not get {count} lines; stored: {string.Join(", ", Blobs().Select(b => $"{b.Key} ({b.Value.Length - 1} lines)"))}");
    }

    protected override async Task HandleAsync(HttpListenerContext context, string body)
    {
        var request = context.Request;
        var prefix = "/" + Account + "/";
        var path = request.Url!.AbsolutePath.StartsWith(prefix, StringComparison.Ordinal) ? request.Url.AbsolutePath[prefix.Length..] : request.Url.AbsolutePath;
        Requests.Enqueue((request.HttpMethod, path, request.Url.Query, request.Headers["Authorization"], request.Headers["If-None-Match"]));
        var (status, code) = Answer(request, path, body);
        var response = context.Response;
        response.StatusCode = status;
        response.Headers["x-ms-request-id"] = Guid.NewGuid().ToString();
        response.Headers["x-ms-version"] = request.Headers["x-ms-version"] ?? "2025-01-05";
        if (code is null)
        {
            response.Headers["ETag"] = "\"0x8DC0000000000" + Requests.Count + "\"";
            response.Headers["Last-Modified"] = DateTime.UtcNow.ToString("R");
            response.ContentLength64 = 0;
        }
        else
        {
            response.Headers["x-ms-error-code"] = code;
            response.ContentType = "application/xml";
            var error = Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>{code}</Code><Message>{code} from the fake Blob service.</Message></Error>");
            response.ContentLength64 = error.Length;
            await response.OutputStream.WriteAsync(error);
        }

        response.Close();
    }

    private (int Status, string? Code) Answer(HttpListenerRequest request, string path, string body)
    {
        var slash = path.IndexOf('/');
        if (request.HttpMethod != "PUT" || slash <= 0)
        {
            return (400, "UnsupportedHttpVerb");
        }

        if (!_containers.ContainsKey(path[..slash]))
        {
            return (404, "ContainerNotFound");
        }

        if (request.QueryString["comp"] == "appendblock")
        {
            if (!_blobs.TryGetValue(path, out var blob))
            {
                return (404, "BlobNotFound");
            }

            lock (blob)
            {
                blob.Append(body);
            }

            return (201, null);
        }

        if (request.Headers["x-ms-blob-type"] != "AppendBlob")
        {
            return (400, "UnsupportedHeader");
        }

        if (request.Headers["If-None-Match"] == "*" && _blobs.ContainsKey(path))
        {
            return (409, "BlobAlreadyExists");
        }

        _blobs[path] = new StringBuilder();
        return (201, null);
    }
}
