using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace IoTCentral.Engine.Tests.Support;

/// <summary>
/// A TCP listener on 127.0.0.1 that hands each connection to <see cref="HandleAsync"/> on its own task. It stops on
/// Dispose, and on its own after a minute, so a test that forgets it leaves nothing listening.
/// </summary>
public abstract class LoopbackListener : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromMinutes(1));

    protected LoopbackListener()
    {
        _listener.Start();
        _stop.Token.Register(() => _listener.Stop());
    }

    protected int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public virtual void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    /// <summary>Called by the derived constructor once its own fields are set, so no connection sees them unset.</summary>
    protected void StartAccepting() => _ = Task.Run(AcceptLoopAsync);

    protected abstract Task HandleAsync(TcpClient client);

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(client));
        }
    }
}
