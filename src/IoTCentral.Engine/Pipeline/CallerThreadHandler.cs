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
        // HTTP/2 has no synchronous send in .NET; IoT Central speaks HTTP/1.1, but a caller could ask otherwise.
        if (SendOnThisThread is null || !CallerThread.Blocks || request.Version.Major != 1)
        {
            return base.SendAsync(request, cancellationToken);
        }

        try
        {
            return Task.FromResult(SendOnThisThread(_inner, request, cancellationToken));
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
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
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
