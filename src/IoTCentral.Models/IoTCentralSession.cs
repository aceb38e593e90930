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

        public override string ToString() => $"{ApplicationUrl} ({AuthKind}: {Identity})";
    }
}
