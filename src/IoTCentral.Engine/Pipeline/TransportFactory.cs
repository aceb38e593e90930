using System;
using System.Net.Http;
using Azure.Core.Pipeline;

namespace IoTCentral.Engine.Pipeline;

/// <summary>One transport per client, shared by the application pipeline and its Entra credential.</summary>
internal static class TransportFactory
{
    // Clients of the default kind share one connection pool, as Azure.Core's own shared transport does.
    private static readonly Lazy<HttpPipelineTransport> Shared = new(() => Over(NewHandler()));

    /// <summary>
    /// The transport for <paramref name="options"/>; null for Azure.Core's own shared one, which is what a runtime
    /// without a synchronous send (.NET Framework) gets, since there <see cref="CallerThreadHandler"/> adds nothing.
    /// </summary>
    public static HttpPipelineTransport? For(IoTCentralClientOptions options)
    {
        if (options.Transport is not null)
        {
            return options.Transport;
        }

        var trusted = options.TrustedCertificate;
        if (trusted is null)
        {
            return CallerThreadHandler.IsSupported ? Shared.Value : null;
        }

        // Trust exactly this certificate (by thumbprint) besides whatever the system trusts; never "any".
        var handler = NewHandler();
        handler.ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
            errors == System.Net.Security.SslPolicyErrors.None
            || (certificate is not null && string.Equals(certificate.Thumbprint, trusted.Thumbprint, StringComparison.OrdinalIgnoreCase));
        return Over(handler);
    }

    // Azure.Core's policies follow redirects and carry no cookies, so the handler must do neither; the pipeline times
    // each attempt out itself (NetworkTimeout), so HttpClient's own 100-second cap must not cut a long one short.
    private static HttpClientHandler NewHandler()
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };

        // .NET Framework allows 2 connections per server unless told otherwise; Azure.Core raises that to 50, and bulk
        // work (-ThrottleLimit) needs more than 2.
        if (handler.MaxConnectionsPerServer == 2)
        {
            handler.MaxConnectionsPerServer = 50;
        }

        return handler;
    }

    private static HttpPipelineTransport Over(HttpMessageHandler handler) =>
        new HttpClientTransport(new HttpClient(new CallerThreadHandler(handler)) { Timeout = System.Threading.Timeout.InfiniteTimeSpan });
}
