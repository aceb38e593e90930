using System;

namespace IoTCentral.Models
{
    /// <summary>
    /// A connection to one IoT Central application. It describes the connection and never carries the
    /// secret: the module keeps the credential elsewhere, keyed by this object.
    /// </summary>
    public sealed class IoTCentralSession
    {
        public IoTCentralSession()
        {
        }

        public IoTCentralSession(Uri applicationUrl, IoTCentralAuthKind authKind, string? identity, DateTimeOffset? expiresOn)
        {
            ApplicationUrl = applicationUrl;
            AuthKind = authKind;
            Identity = identity;
            ExpiresOn = expiresOn;
        }

        public Guid SessionId { get; set; } = Guid.NewGuid();

        public Uri? ApplicationUrl { get; set; }

        public IoTCentralAuthKind AuthKind { get; set; }

        /// <summary>The API token's id, or the signed-in user, service principal or managed identity.</summary>
        public string? Identity { get; set; }

        /// <summary>The Microsoft Entra tenant of a bearer-token session.</summary>
        public string? TenantId { get; set; }

        /// <summary>When the credential stops working; null when it is refreshed automatically.</summary>
        public DateTimeOffset? ExpiresOn { get; set; }

        public string ApiVersion { get; set; } = "2022-07-31";

        public DateTimeOffset ConnectedOn { get; set; } = DateTimeOffset.UtcNow;

        /// <summary>How long one attempt of a request may wait for its answer before it is retried (Connect-IoTCentral -Timeout).</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>How many times a failed request is retried (Connect-IoTCentral -MaxRetries).</summary>
        public int MaxRetries { get; set; } = 4;

        /// <summary>
        /// The most requests per second this process sends to the application, shared by its sessions with the same
        /// pace; 0 when the client does not pace itself (Connect-IoTCentral -MaxRequestsPerSecond).
        /// </summary>
        public double MaxRequestsPerSecond { get; set; }

        public override string ToString() => $"{ApplicationUrl} ({AuthKind}: {Identity})";
    }
}
