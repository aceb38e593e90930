using System;
using System.Security;

namespace IoTCentral.Models
{
    /// <summary>What a device needs to provision through DPS; the symmetric keys stay protected.</summary>
    public sealed class DeviceCredential : IoTCentralObject
    {
        public DeviceCredential()
        {
        }

        public DeviceCredential(Uri? applicationUrl)
            : base(applicationUrl)
        {
        }

        public string DeviceId { get; set; } = string.Empty;

        public string IdScope { get; set; } = string.Empty;

        public SecureString? PrimaryKey { get; set; }

        public SecureString? SecondaryKey { get; set; }

        /// <summary>The primary X.509 client certificate (public material), when the device uses X.509.</summary>
        public string? PrimaryCertificate { get; set; }

        public string? SecondaryCertificate { get; set; }

        /// <summary>The TPM endorsement key (public material), when the device uses TPM attestation.</summary>
        public string? TpmEndorsementKey { get; set; }

        public override string ToString() => DeviceId;
    }
}
