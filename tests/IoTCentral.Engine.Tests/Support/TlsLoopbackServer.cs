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
public sealed class TlsLoopbackServer : LoopbackListener
{
    private readonly X509Certificate2 _certificate;
    private int _handshakes;

    public TlsLoopbackServer()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=untrusted-test-server", key, HashAlgorithmName.SHA256);
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        _certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
        StartAccepting();
    }

    public Uri Url => new($"https://127.0.0.1:{Port}");

    public int Handshakes => Volatile.Read(ref _handshakes);

    public override void Dispose()
    {
        base.Dispose();
        _certificate.Dispose();
    }

    protected override Task HandleAsync(TcpClient client)
    {
        Interlocked.Increment(ref _handshakes);
        return HandshakeAsync(client);
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
