using System;
using System.Security;

namespace IoTCentral.Models
{
    /// <summary>
    /// A device's individual attestation: symmetric keys (kept as SecureStrings), X.509 client certificates (by
    /// thumbprint) or a TPM endorsement key, as <see cref="Type"/> says.
    /// </summary>
    public sealed class DeviceAttestation : IoTCentralObject
    {
        public DeviceAttestation()
        {
        }

        public DeviceAttestation(Uri? applicationUrl)
            : base(applicationUrl)
        {
        }

        public string DeviceId { get; set; } = string.Empty;

        /// <summary>symmetricKey, x509 or tpm, as the REST API names them.</summary>
        public string Type { get; set; } = string.Empty;

        public SecureString? PrimaryKey { get; set; }

        public SecureString? SecondaryKey { get; set; }

        /// <summary>The SHA-1 thumbprint of the primary X.509 client certificate.</summary>
        public string? PrimaryThumbprint { get; set; }

        public string? SecondaryThumbprint { get; set; }

        /// <summary>The TPM endorsement key (public material).</summary>
        public string? TpmEndorsementKey { get; set; }

        public override string ToString() => DeviceId;
    }
}
