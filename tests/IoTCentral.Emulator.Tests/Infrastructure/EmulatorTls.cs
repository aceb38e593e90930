using Azure.Core.Pipeline;
using Azure.Identity;

namespace IoTCentral.Emulator.Tests.Infrastructure;

/// <summary>
/// How a client trusts the emulator's self-signed certificate without installing it: accept exactly the certificate
/// the emulator reports (<see cref="EmulatorServer.TlsCertificate"/>), and point Azure.Identity at its token service.
/// </summary>
public static class EmulatorTls
{
    public static HttpClientHandler TrustingHandler(EmulatorServer server) => new()
    {
        ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            certificate is not null && certificate.RawData.AsSpan().SequenceEqual(server.TlsCertificate.RawData),
    };

    public static HttpClientTransport Transport(EmulatorServer server) => new(TrustingHandler(server));

    /// <summary>Options for every Azure.Identity credential against the emulator: its authority, its certificate, no instance discovery.</summary>
    public static T Configure<T>(T options, EmulatorServer server) where T : TokenCredentialOptions
    {
        options.AuthorityHost = server.AuthorityHost;
        options.Transport = Transport(server);
        options.Retry.MaxRetries = 0;
        return options;
    }
}
