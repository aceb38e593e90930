using System;
using Azure.Core.Pipeline;

namespace IoTCentral.Engine;

/// <summary>Where and how an <see cref="IoTCentralClient"/> talks to one IoT Central application.</summary>
public sealed class IoTCentralClientOptions
{
    /// <summary>The application's root URL, such as https://contoso.azureiotcentral.com; requests go to {ApplicationUrl}/api/{path}.</summary>
    public Uri ApplicationUrl { get; set; } = null!;

    public string ApiVersion { get; set; } = "2022-07-31";

    /// <summary>
    /// Retries after the first attempt. A 429 is retried for every request; other transient failures only for requests
    /// whose repetition is harmless (see the module's about_IoTCentral).
    /// </summary>
    public int MaxRetries { get; set; } = 4;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(0.8);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The request budget per application host, shared by every client in the process with the same budget, because IoT
    /// Central throttles each application at 20 requests per second whoever sends them. Zero or less turns it off.
    /// </summary>
    public double RequestsPerSecond { get; set; } = 20;

    /// <summary>
    /// How long one attempt may wait for its answer. Short enough that a stalled attempt is retried well before a
    /// runbook's user gives up; IoT Central answers in well under a second.
    /// </summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A server certificate to trust in addition to the system's trust store, matched exactly (for the emulator's
    /// or a test server's self-signed certificate). Applies to the application and to the Entra token service.
    /// </summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? TrustedCertificate { get; set; }

    // Test seam. Internal so that the cmdlet assembly never sees an Azure type in this class's public surface.
    internal HttpPipelineTransport? Transport { get; set; }

    /// <summary>Checks the options and returns a snapshot, so later changes by the caller do not reach a live client.</summary>
    internal IoTCentralClientOptions Validated()
    {
        if (ApplicationUrl is null)
        {
            throw new ArgumentException("ApplicationUrl is required.", nameof(ApplicationUrl));
        }

        if (!ApplicationUrl.IsAbsoluteUri || (ApplicationUrl.Scheme != Uri.UriSchemeHttps && ApplicationUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"ApplicationUrl must be an absolute http or https URL; '{ApplicationUrl}' is not.", nameof(ApplicationUrl));
        }

        if (string.IsNullOrWhiteSpace(ApiVersion))
        {
            throw new ArgumentException("ApiVersion is required.", nameof(ApiVersion));
        }

        if (MaxRetries < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, "MaxRetries cannot be negative.");
        }

        if (NetworkTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(NetworkTimeout), NetworkTimeout, "NetworkTimeout must be positive.");
        }

        return (IoTCentralClientOptions)MemberwiseClone();
    }
}
