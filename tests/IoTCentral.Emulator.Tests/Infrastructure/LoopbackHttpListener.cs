using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IoTCentral.Emulator.Tests.Infrastructure;

/// <summary>
/// A server for what the emulator calls out to (webhooks, Blob Storage): an HttpListener on 127.0.0.1 and a free port
/// that reads each request's body and hands the request to <see cref="HandleAsync"/>. Disposing stops it.
/// </summary>
public abstract class LoopbackHttpListener : IDisposable
{
    private readonly HttpListener _listener = new();

    protected LoopbackHttpListener()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    protected int Port { get; }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        GC.SuppressFinalize(this);
    }

    /// <summary>Answers one request; the response must be closed when done.</summary>
    protected abstract Task HandleAsync(HttpListenerContext context, string body);

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

            string body;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync();
            }

            await HandleAsync(context, body);
        }
    }
}
