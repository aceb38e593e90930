using System;
using System.Security;
using System.Security.Cryptography.X509Certificates;

namespace IoTCentral.Models
{
    /// <summary>
    /// An IoT Central emulator that Start-IoTCentralEmulator started as a child process. Its secrets (the development
    /// admin API token, the managed-identity header) stay SecureStrings and never appear in ToString.
    /// </summary>
    public sealed class EmulatorInstance
    {
        public EmulatorInstance()
        {
        }

        public EmulatorInstance(Uri applicationUrl, SecureString adminApiToken, int processId)
        {
            ApplicationUrl = applicationUrl;
            AdminApiToken = adminApiToken;
            ProcessId = processId;
        }

        /// <summary>Where the emulated application listens (a free loopback port), e.g. http://127.0.0.1:54321.</summary>
        public Uri? ApplicationUrl { get; set; }

        /// <summary>The development admin API token: role Administrator, valid only against the emulator.</summary>
        public SecureString? AdminApiToken { get; set; }

        public int ProcessId { get; set; }

        /// <summary>The admin session Start-IoTCentralEmulator -Connect opened (also made the default), else null.</summary>
        public IoTCentralSession? Session { get; set; }

        /// <summary>The emulator's Microsoft Entra stand-in, for Connect-IoTCentral -AuthorityHost.</summary>
        public Uri? AuthorityHost { get; set; }

        /// <summary>The managed-identity endpoint, the value of IDENTITY_ENDPOINT.</summary>
        public Uri? ManagedIdentityEndpoint { get; set; }

        /// <summary>The managed-identity secret, the value of IDENTITY_HEADER (new on every run).</summary>
        public SecureString? ManagedIdentityHeader { get; set; }

        /// <summary>The SHA-256 thumbprint of the emulator's self-signed TLS certificate.</summary>
        public string? TlsCertificateThumbprint { get; set; }

        /// <summary>That certificate (public part), for -TrustedServerCertificate: the token service and the management endpoint always serve https with it, the application with -Https.</summary>
        public X509Certificate2? TlsCertificate { get; set; }

        /// <summary>The management endpoint (Azure Resource Manager stand-in), for Connect-IoTCentral -Management -Emulator -ManagementUrl.</summary>
        public Uri? ManagementUrl { get; set; }

        /// <summary>The management endpoint's one subscription.</summary>
        public string? SubscriptionId { get; set; }

        /// <summary>Where the emulator keeps its state; null when in memory only.</summary>
        public string? DataDirectory { get; set; }

        public DateTimeOffset StartedOn { get; set; } = DateTimeOffset.UtcNow;

        public override string ToString() => $"{ApplicationUrl} (process {ProcessId})";
    }
}
