using System.Net.Http;
using System.Security.Cryptography.X509Certificates;
using Azure.Core.Pipeline;

namespace IoTCentral.Engine.Pipeline;

/// <summary>One transport per client, shared by the application pipeline and its Entra credential.</summary>
internal static class TransportFactory
{
    public static HttpPipelineTransport? For(IoTCentralClientOptions options)
    {
        if (options.Transport is not null)
        {
            return options.Transport;
        }

        var trusted = options.TrustedCertificate;
        if (trusted is null)
        {
            return null;
        }

        // Trust exactly this certificate (by thumbprint) besides whatever the system trusts; never "any".
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
                errors == System.Net.Security.SslPolicyErrors.None
                || (certificate is not null && string.Equals(certificate.Thumbprint, trusted.Thumbprint, System.StringComparison.OrdinalIgnoreCase)),
        };
        return new HttpClientTransport(handler);
    }
}
