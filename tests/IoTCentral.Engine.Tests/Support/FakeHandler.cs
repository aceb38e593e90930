using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace IoTCentral.Engine.Tests.Support;

/// <summary>An in-memory service: records each request and answers with the next scripted response.</summary>
public sealed class FakeHandler : HttpMessageHandler
{
    private readonly Func<RecordedRequest, int, CancellationToken, Task<HttpResponseMessage>> _respond;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private int _count;

    public FakeHandler(Func<RecordedRequest, int, HttpResponseMessage> respond)
        : this((request, index, _) => Task.FromResult(respond(request, index)))
    {
    }

    public FakeHandler(Func<RecordedRequest, int, CancellationToken, Task<HttpResponseMessage>> respond) => _respond = respond;

    /// <summary>Answers the n-th request with the n-th response, repeating the last one.</summary>
    public static FakeHandler Sequence(params Func<HttpResponseMessage>[] responses) =>
        new((_, index) => responses[Math.Min(index, responses.Length - 1)]());

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public static HttpResponseMessage Json(HttpStatusCode status, string json, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    public static HttpResponseMessage Status(HttpStatusCode status, params (string Name, string Value)[] headers) =>
        Json(status, string.Empty, headers);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        string? body = null;
        string? contentType = null;
        if (request.Content is not null)
        {
            body = await request.Content.ReadAsStringAsync(cancellationToken);
            contentType = request.Content.Headers.ContentType?.MediaType;
        }

        var recorded = new RecordedRequest(request.Method.Method, request.RequestUri!, headers, body, contentType, DateTimeOffset.UtcNow);
        _requests.Enqueue(recorded);
        var index = Interlocked.Increment(ref _count) - 1;
        var response = await _respond(recorded, index, cancellationToken);
        response.RequestMessage = request;
        return response;
    }
}
