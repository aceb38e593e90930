using System;

namespace IoTCentral.Models
{
    /// <summary>
    /// A Microsoft Entra sign-in to Azure Resource Manager (Connect-IoTCentral -Management), for creating, changing and
    /// deleting IoT Central applications. Like <see cref="IoTCentralSession"/> it never carries the credential.
    /// </summary>
    public sealed class IoTCentralManagementSession
    {
        public const string AzureManagementUrl = "https://management.azure.com/";

        public IoTCentralManagementSession()
        {
        }

        public IoTCentralManagementSession(Uri managementUrl, string? subscriptionId, IoTCentralAuthKind authKind, string? identity)
        {
            ManagementUrl = managementUrl;
            SubscriptionId = subscriptionId;
            AuthKind = authKind;
            Identity = identity;
        }

        public Guid SessionId { get; set; } = Guid.NewGuid();

        /// <summary>Azure Resource Manager's endpoint: https://management.azure.com/, or the emulator's management endpoint.</summary>
        public Uri? ManagementUrl { get; set; }

        /// <summary>The subscription the application cmdlets use unless given -SubscriptionId.</summary>
        public string? SubscriptionId { get; set; }

        public IoTCentralAuthKind AuthKind { get; set; }

        /// <summary>The signed-in user, service principal or managed identity.</summary>
        public string? Identity { get; set; }

        public string? TenantId { get; set; }

        /// <summary>When the credential stops working; null when it is refreshed automatically.</summary>
        public DateTimeOffset? ExpiresOn { get; set; }

        public string ApiVersion { get; set; } = "2021-06-01";

        /// <summary>
        /// The self-signed certificate the session trusts besides the system's (the emulator's, which its applications
        /// also serve); pass it to Connect-IoTCentral -TrustedServerCertificate. Null against Azure.
        /// </summary>
        public System.Security.Cryptography.X509Certificates.X509Certificate2? TrustedServerCertificate { get; set; }

        public DateTimeOffset ConnectedOn { get; set; } = DateTimeOffset.UtcNow;

        public override string ToString() => $"{ManagementUrl} ({AuthKind}: {Identity}, subscription {SubscriptionId})";
    }
}
