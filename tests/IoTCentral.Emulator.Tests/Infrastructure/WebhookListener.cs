using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace IoTCentral.Emulator.Tests.Infrastructure;

/// <summary>
/// A webhook for data export tests: an HttpListener on 127.0.0.1 and a free port that records each POST (body,
/// headers, query) and answers <see cref="Status"/>. Disposing stops it.
/// </summary>
public sealed class WebhookListener : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public WebhookListener()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/hook/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Url { get; }

    /// <summary>What the webhook answers; 500 makes deliveries fail.</summary>
    public int Status { get; set; } = 200;

    public ConcurrentQueue<(JsonObject Body, string? Authorization, NameValueCollectionView Headers, string Query)> Received { get; } = new();

    /// <summary>Polls (generously) until a received message matches; fails with what arrived otherwise.</summary>
    public async Task<JsonObject> WaitForAsync(Func<JsonObject, bool> match, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < until)
        {
            var found = Received.Select(r => r.Body).FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"No matching message arrived; received {Received.Count}: {string.Join("\n", Received.Take(5).Select(r => r.Body.ToJsonString()))}");
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using (var reader = new StreamReader(context.Request.InputStream))
            {
                var text = await reader.ReadToEndAsync();
                if (Status is >= 200 and < 300 && JsonNode.Parse(text) is JsonObject body)
                {
                    Received.Enqueue((body, context.Request.Headers["Authorization"], new NameValueCollectionView(context.Request.Headers), context.Request.Url!.Query));
                }
            }

            context.Response.StatusCode = Status;
            context.Response.Close();
        }
    }
}

/// <summary>The request headers as received.</summary>
public sealed class NameValueCollectionView(System.Collections.Specialized.NameValueCollection headers)
{
    public string? this[string name] => headers[name];
}
