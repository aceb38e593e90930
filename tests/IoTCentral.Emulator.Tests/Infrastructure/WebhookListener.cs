using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;

namespace IoTCentral.Emulator.Tests.Infrastructure;

/// <summary>
/// A webhook for data export tests: an HttpListener on 127.0.0.1 and a free port that records each POST (body,
/// headers, query) and answers <see cref="Status"/>. Disposing stops it.
/// </summary>
public sealed class WebhookListener : LoopbackHttpListener
{
    public WebhookListener()
    {
        Url = $"http://127.0.0.1:{Port}/hook/";
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

    protected override Task HandleAsync(HttpListenerContext context, string text)
    {
        if (Status is >= 200 and < 300 && JsonNode.Parse(text) is JsonObject body)
        {
            Received.Enqueue((body, context.Request.Headers["Authorization"], new NameValueCollectionView(context.Request.Headers), context.Request.Url!.Query));
        }

        context.Response.StatusCode = Status;
        context.Response.Close();
        return Task.CompletedTask;
    }
}

/// <summary>The request headers as received.</summary>
public sealed class NameValueCollectionView(System.Collections.Specialized.NameValueCollection headers)
{
    public string? this[string name] => headers[name];
}
