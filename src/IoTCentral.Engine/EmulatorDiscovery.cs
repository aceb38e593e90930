using System;
using System.Net.Http;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine;

/// <summary>
/// What a client needs to sign in to an emulator's management endpoint: its token service (from the endpoint's
/// <c>/metadata/endpoints</c>, as Azure Resource Manager publishes its login endpoint) and its self-signed certificate.
/// </summary>
public sealed class EmulatorDiscovery
{
    private EmulatorDiscovery(Uri authorityHost, X509Certificate2 certificate)
    {
        AuthorityHost = authorityHost;
        Certificate = certificate;
    }

    public Uri AuthorityHost { get; }

    /// <summary>The certificate the endpoint presented; trusted for the emulator's token service and applications.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>
    /// Asks the endpoint for its metadata. Without <paramref name="trusted"/>, the certificate the endpoint presents is
    /// accepted, and only on a loopback address: the emulator is a local process of the user's, whose certificate is
    /// made on its first run; nothing but the emulator's public development credentials is sent on this trust.
    /// </summary>
    public static async Task<EmulatorDiscovery> DiscoverAsync(Uri managementUrl, X509Certificate2? trusted, CancellationToken cancellationToken)
    {
        if (managementUrl is null)
        {
            throw new ArgumentNullException(nameof(managementUrl));
        }

        if (trusted is null && !managementUrl.IsLoopback)
        {
            throw new ArgumentException($"{managementUrl} is not on this computer; give the emulator's certificate with -TrustedServerCertificate.", nameof(managementUrl));
        }

        X509Certificate2? presented = null;
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
            {
                if (certificate is null)
                {
                    return false;
                }

                presented = new X509Certificate2(certificate.RawData);
                return trusted is null
                    || errors == System.Net.Security.SslPolicyErrors.None
                    || string.Equals(certificate.Thumbprint, trusted.Thumbprint, StringComparison.OrdinalIgnoreCase);
            },
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        var metadata = new Uri(new Uri(managementUrl.GetLeftPart(UriPartial.Authority) + "/"), "metadata/endpoints?api-version=2022-09-01");
        string text;
        try
        {
            using var response = await http.GetAsync(metadata, cancellationToken).ConfigureAwait(false);
            text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new IoTCentralException((int)response.StatusCode, "NotAnEmulator", $"{managementUrl} answered {(int)response.StatusCode} for its metadata; is it the IoT Central emulator's management endpoint?", null);
            }
        }
        catch (HttpRequestException e)
        {
            throw new IoTCentralException(0, Internal.ErrorMapper.ServiceUnreachable,
                $"Could not reach the emulator's management endpoint at {managementUrl.GetLeftPart(UriPartial.Authority)}: {Internal.ErrorMapper.Innermost(e).Message}. Start it with Start-IoTCentralEmulator or iotcentral-emulator.", null, e);
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var login = document.RootElement.GetObject("authentication")?.GetString("loginEndpoint");
            if (login is null || presented is null || !Uri.TryCreate(login, UriKind.Absolute, out var authority))
            {
                throw new JsonException("no authentication.loginEndpoint");
            }

            return new EmulatorDiscovery(authority, trusted ?? presented);
        }
        catch (JsonException e)
        {
            throw new IoTCentralException(200, "NotAnEmulator", $"{managementUrl} does not describe an emulator's token service ({e.Message}).", null, e);
        }
    }
}
