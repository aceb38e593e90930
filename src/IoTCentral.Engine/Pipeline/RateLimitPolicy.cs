using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Core.Pipeline;

namespace IoTCentral.Engine.Pipeline;

/// <summary>
/// Keeps every client in the process under one request budget per application host, since IoT Central throttles
/// per application (20 requests/s), not per connection. Runs per attempt: retries spend the budget too.
/// </summary>
internal sealed class RateLimitPolicy : HttpPipelinePolicy
{
    // Keyed by host and rate: clients that ask for the same budget on the same host share one bucket.
    private static readonly ConcurrentDictionary<string, TokenBucket> Buckets = new(StringComparer.OrdinalIgnoreCase);

    private readonly double _requestsPerSecond;

    public RateLimitPolicy(double requestsPerSecond)
    {
        _requestsPerSecond = requestsPerSecond;
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await BucketFor(message).WaitAsync(message.CancellationToken).ConfigureAwait(false);
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        BucketFor(message).Wait(message.CancellationToken);
        ProcessNext(message, pipeline);
    }

    private TokenBucket BucketFor(HttpMessage message)
    {
        var uri = message.Request.Uri;
        var key = string.Format(CultureInfo.InvariantCulture, "{0}://{1}:{2}|{3}", uri.Scheme, uri.Host, uri.Port, _requestsPerSecond);
        return Buckets.GetOrAdd(key, _ => new TokenBucket(_requestsPerSecond));
    }
}
