using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using IoTCentral.Engine.Json;
using IoTCentral.Engine.Pipeline;
using IoTCentral.Models;

namespace IoTCentral.Engine.Internal;

/// <summary>Sends one logical request through the pipeline and turns every failure into an IoTCentralException.</summary>
internal sealed class RestClient
{
    public const string JsonContentType = "application/json";
    public const string MergePatchContentType = "application/merge-patch+json";

    private readonly HttpPipeline _pipeline;
    private readonly IoTCentralClientOptions _options;

    public RestClient(HttpPipeline pipeline, IoTCentralClientOptions options)
    {
        _pipeline = pipeline;
        _options = options;
    }

    public Uri ApplicationUrl => _options.ApplicationUrl!;

    public Task<RestResult> SendAsync(
        RequestMethod method,
        string path,
        byte[]? body,
        string contentType,
        string? apiVersion,
        bool? allowRetry,
        CancellationToken cancellationToken) =>
        SendAsync(method, path, body, contentType, apiVersion, allowRetry, null, cancellationToken);

    /// <summary>As above; <paramref name="history"/> learns whether an attempt may have taken effect before the last one.</summary>
    public async Task<RestResult> SendAsync(
        RequestMethod method,
        string path,
        byte[]? body,
        string contentType,
        string? apiVersion,
        bool? allowRetry,
        AttemptHistory? history,
        CancellationToken cancellationToken)
    {
        var target = RequestTarget.Resolve(ApplicationUrl, path, apiVersion ?? _options.ApiVersion);
        return await SendToAsync(_pipeline, method, target, body, contentType, allowRetry, history, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends to <paramref name="target"/> (already resolved) through <paramref name="pipeline"/>: the application's, or
    /// one that authenticates otherwise (the emulator's device feed). <paramref name="properties"/> are set on the message
    /// for that pipeline's policies.
    /// </summary>
    public async Task<RestResult> SendToAsync(
        HttpPipeline pipeline,
        RequestMethod method,
        Uri target,
        byte[]? body,
        string contentType,
        bool? allowRetry,
        AttemptHistory? history,
        System.Collections.Generic.IReadOnlyDictionary<string, object>? properties,
        CancellationToken cancellationToken)
    {
        if (body is not null && body.Length > RequestBody.MaxBytes)
        {
            // Refused before sending: nothing of it is uploaded, so nothing can be retried.
            throw new IoTCentralException(
                0,
                RequestBody.TooLargeCode,
                string.Format(
                    System.Globalization.CultureInfo.InvariantCulture,
                    "The body of {0} is {1:N0} bytes; the module sends at most {2:N0} bytes (4 MiB) in one request. Check that the right file or object was given.",
                    Describe(method, target),
                    body.Length,
                    RequestBody.MaxBytes),
                null);
        }

        using var message = pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(target);
        message.Request.ClientRequestId = ClientRequestIds.Next();
        message.Request.Headers.SetValue(HttpHeader.Names.Accept, JsonContentType);
        if (body is not null)
        {
            message.Request.Content = RequestContent.Create(body);
            message.Request.Headers.SetValue(HttpHeader.Names.ContentType, contentType);
            RequestLoggingPolicy.SetRequestBody(message, body);
        }

        RetryPermission.Set(message, allowRetry);
        history?.Attach(message);
        if (properties is not null)
        {
            foreach (var property in properties)
            {
                message.SetProperty(property.Key, property.Value);
            }
        }

        try
        {
            await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (IsTransportFailure(e))
        {
            throw ErrorMapper.FromTransportFailure(e, target, Describe(method, target), _options.NetworkTimeout);
        }
        catch (Azure.Identity.AuthenticationFailedException e)
        {
            // A refresh that fails mid-run (secret rotated, identity removed) is a sign-in problem, not a crash.
            throw SignInFailures.From(e);
        }

        var response = message.Response;
        if (response.IsError)
        {
            throw ErrorMapper.FromResponse(response, Describe(method, target));
        }

        var content = response.ContentStream is System.IO.MemoryStream ? response.Content.ToMemory() : ReadOnlyMemory<byte>.Empty;
        return new RestResult(response.Status, content, response.Headers.RequestId) { Headers = OperationHeaders(response) };
    }

    // Only failures and the rare long-running operation need the request in words; building it (and redacting
    // its query) for every successful call was a measurable share of a loopback call's cost.
    private static string Describe(RequestMethod method, Uri target) => method.Method + " " + Redactor.Url(target);

    private static readonly string[] OperationHeaderNames = { "Azure-AsyncOperation", "Location", "Retry-After" };

    private static readonly System.Collections.Generic.IReadOnlyDictionary<string, string> NoHeaders =
        new System.Collections.Generic.Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    private static System.Collections.Generic.IReadOnlyDictionary<string, string> OperationHeaders(Response response)
    {
        // Most answers carry none of these: share one empty map rather than allocate one per call.
        System.Collections.Generic.Dictionary<string, string>? headers = null;
        foreach (var name in OperationHeaderNames)
        {
            if (response.Headers.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value))
            {
                headers ??= new System.Collections.Generic.Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                headers[name] = value!;
            }
        }

        return headers ?? NoHeaders;
    }

    /// <summary>Sends a request whose success body is one JSON document, and maps it with <paramref name="read"/>.</summary>
    public Task<T> SendJsonAsync<T>(RequestMethod method, string path, byte[]? body, string contentType, Func<JsonElement, T> read, CancellationToken cancellationToken) =>
        SendJsonAsync(method, path, body, contentType, null, null, read, cancellationToken);

    /// <summary>As above, with an api-version other than the client's (preview-only operations) and an explicit retry choice.</summary>
    public async Task<T> SendJsonAsync<T>(RequestMethod method, string path, byte[]? body, string contentType, string? apiVersion, bool? allowRetry, Func<JsonElement, T> read, CancellationToken cancellationToken)
    {
        var result = await SendAsync(method, path, body, contentType, apiVersion, allowRetry, cancellationToken).ConfigureAwait(false);
        return ReadJson(result, method, path, read);
    }

    /// <summary>Maps a success whose body is one JSON object with <paramref name="read"/>.</summary>
    public static T ReadJson<T>(RestResult result, RequestMethod method, string path, Func<JsonElement, T> read)
    {
        try
        {
            using var document = JsonDocument.Parse(result.Content);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException("The body is not a JSON object.");
            }

            return read(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new IoTCentralException(result.Status, "InvalidResponse", $"The service answered {method.Method} {path} with a body that is not the expected JSON object.", result.RequestId, e);
        }
    }

    /// <summary>Reads one page of a collection: the first when <paramref name="nextLink"/> is null, else the page it names.</summary>
    public Task<Page<T>> ListAsync<T>(string collectionPath, string? nextLink, Func<JsonElement, T> readItem, CancellationToken cancellationToken) =>
        ListAsync(collectionPath, null, null, nextLink, readItem, cancellationToken);

    /// <summary>
    /// As above, in <paramref name="apiVersion"/> (null: the client's), with the preview's list options when any is
    /// set: then the request goes with the preview api-version, the only one that defines them.
    /// </summary>
    public Task<Page<T>> ListAsync<T>(string collectionPath, string? apiVersion, ListOptions? options, string? nextLink, Func<JsonElement, T> readItem, CancellationToken cancellationToken)
    {
        var withOptions = !ListOptions.IsEmpty(options);
        var path = !string.IsNullOrEmpty(nextLink) ? nextLink! : withOptions ? options!.AppendTo(collectionPath) : collectionPath;
        return SendJsonAsync(RequestMethod.Get, path, null, JsonContentType, withOptions ? PreviewOnlyPaths.ApiVersion : apiVersion, null, root => PageJson.Read(root, readItem), cancellationToken);
    }

    // Failures that mean "no usable response arrived". Anything else (a bug, a credential error) passes through.
    private static bool IsTransportFailure(Exception e) =>
        ErrorMapper.LastAttempt(e) is RequestFailedException { Status: 0 }
        or System.IO.IOException
        or System.Net.Http.HttpRequestException
        or System.Net.Sockets.SocketException
        or OperationCanceledException;
}
