using System;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;

namespace IoTCentral.Engine.Tests.Support;

/// <summary>
/// A TLS listener on 127.0.0.1 with a fresh self-signed certificate that no client trusts: it counts the handshakes
/// clients attempt. Stops on Dispose, and on its own after a minute.
/// </summary>
public sealed class TlsLoopbackServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromMinutes(1));
    private readonly X509Certificate2 _certificate;
    private int _handshakes;

    public TlsLoopbackServer()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=untrusted-test-server", key, HashAlgorithmName.SHA256);
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        _certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
        _listener.Start();
        _stop.Token.Register(() => _listener.Stop());
        _ = Task.Run(AcceptLoopAsync);
    }

    public Uri Url => new($"https://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    public int Handshakes => Volatile.Read(ref _handshakes);

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        _certificate.Dispose();
    }

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

            Interlocked.Increment(ref _handshakes);
            _ = Task.Run(() => HandshakeAsync(client));
        }
    }

    private async Task HandshakeAsync(TcpClient client)
    {
        using (client)
        using (var tls = new SslStream(client.GetStream()))
        {
            try
            {
                await tls.AuthenticateAsServerAsync(_certificate);
            }
            catch (Exception)
            {
                // The client is expected to reject the certificate and hang up.
            }
        }
    }
}
