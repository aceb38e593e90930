using System;
using System.Net.Http;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace IoTCentral.Engine.Pipeline;

/// <summary>
/// Sends a request synchronously on the calling thread when that thread said it blocks on the call anyway
/// (<see cref="CallerThread"/>), so the answer does not travel through the thread pool. The engine is built for
/// netstandard2.0, whose HttpClient has no synchronous send; .NET 5 and later have one, found at run time. Where
/// it is missing (Windows PowerShell 5.1), or the request cannot be sent that way, the request goes asynchronously
/// as before.
/// </summary>
internal sealed class CallerThreadHandler : DelegatingHandler
{
    private static readonly Func<HttpMessageInvoker, HttpRequestMessage, CancellationToken, HttpResponseMessage>? SendOnThisThread = FindSynchronousSend();

    private static readonly Func<HttpContent, CancellationToken, System.IO.Stream>? ReadOnThisThread = FindSynchronousRead();

    private readonly HttpMessageInvoker _inner;

    /// <summary>Whether this runtime can send synchronously at all.</summary>
    public static bool IsSupported => SendOnThisThread is not null;

    public CallerThreadHandler(HttpMessageHandler inner)
        : base(inner)
    {
        _inner = new HttpMessageInvoker(inner, disposeHandler: false);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // HTTP/2 has no synchronous send in .NET; IoT Central speaks HTTP/1.1, but a caller could ask otherwise. A
        // request with a body goes asynchronously: Azure.Core's content (built for netstandard2.0) cannot write
        // itself synchronously, and finding that out would cost the connection the headers went out on.
        if (SendOnThisThread is null || !CallerThread.Blocks || request.Version.Major != 1 || request.Content is not null)
        {
            return base.SendAsync(request, cancellationToken);
        }

        HttpResponseMessage response;
        try
        {
            response = SendOnThisThread(_inner, request, cancellationToken);
        }
        catch (NotSupportedException)
        {
            // Thrown before anything is sent by a handler without a synchronous send (HTTP/2, a custom handler).
            return base.SendAsync(request, cancellationToken);
        }
        catch (Exception e)
        {
            // The same faulted task an asynchronous send gives, so retries and error mapping see no difference.
            return Task.FromException<HttpResponseMessage>(e);
        }

        try
        {
            BufferOnThisThread(response, cancellationToken);
            return Task.FromResult(response);
        }
        catch (Exception e)
        {
            return Task.FromException<HttpResponseMessage>(e);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// Reads the whole body now, on this thread, and puts it back as a buffered content (headers kept): Azure.Core
    /// buffers every answer the engine asks for anyway, and reading it here means a body that arrives after its
    /// headers (a long list page) is not read through the thread pool either. Cancellation (Ctrl+C, the network
    /// time-out) closes the response, which ends a read that is waiting for data.
    /// </summary>
    private static void BufferOnThisThread(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var content = response.Content;
        if (ReadOnThisThread is null || content is null)
        {
            return;
        }

        System.IO.Stream stream;
        try
        {
            stream = ReadOnThisThread(content, cancellationToken);
        }
        catch (NotSupportedException)
        {
            // A content that can only be read asynchronously: Azure.Core reads it as it always did.
            return;
        }

        var body = new System.IO.MemoryStream();
        try
        {
            using (cancellationToken.Register(state => ((IDisposable)state!).Dispose(), response))
            using (stream)
            {
                stream.CopyTo(body);
            }
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is not OperationCanceledException)
        {
            response.Dispose();
            throw new OperationCanceledException("The request was cancelled while its answer was being read.", e, cancellationToken);
        }
        catch (Exception)
        {
            response.Dispose();
            throw;
        }

        var buffered = new ByteArrayContent(body.GetBuffer(), 0, (int)body.Length);
        foreach (var header in content.Headers)
        {
            buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        content.Dispose();
        response.Content = buffered;
    }

    private static Func<HttpContent, CancellationToken, System.IO.Stream>? FindSynchronousRead()
    {
        var read = typeof(HttpContent).GetMethod("ReadAsStream", BindingFlags.Public | BindingFlags.Instance, null, new[] { typeof(CancellationToken) }, null);
        return read is null
            ? null
            : (Func<HttpContent, CancellationToken, System.IO.Stream>)Delegate.CreateDelegate(typeof(Func<HttpContent, CancellationToken, System.IO.Stream>), read);
    }

    private static Func<HttpMessageInvoker, HttpRequestMessage, CancellationToken, HttpResponseMessage>? FindSynchronousSend()
    {
        var send = typeof(HttpMessageInvoker).GetMethod(
            "Send",
            BindingFlags.Public | BindingFlags.Instance,
            null,
            new[] { typeof(HttpRequestMessage), typeof(CancellationToken) },
            null);
        return send is null
            ? null
            : (Func<HttpMessageInvoker, HttpRequestMessage, CancellationToken, HttpResponseMessage>)Delegate.CreateDelegate(
                typeof(Func<HttpMessageInvoker, HttpRequestMessage, CancellationToken, HttpResponseMessage>), send);
    }
}
