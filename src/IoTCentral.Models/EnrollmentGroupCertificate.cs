using System;

namespace IoTCentral.Models
{
    /// <summary>
    /// One of an X.509 enrollment group's two CA certificates (Entry Primary or Secondary) and whether proof of
    /// possession of its private key has verified it. Only public material: the certificate and its thumbprint.
    /// </summary>
    public sealed class EnrollmentGroupCertificate : IoTCentralObject
    {
        public EnrollmentGroupCertificate()
        {
        }

        public EnrollmentGroupCertificate(Uri? applicationUrl)
            : base(applicationUrl)
        {
        }

        public string EnrollmentGroupId { get; set; } = string.Empty;

        /// <summary>Primary or Secondary.</summary>
        public string Entry { get; set; } = string.Empty;

        /// <summary>The SHA-1 thumbprint (hex) of the certificate.</summary>
        public string? Thumbprint { get; set; }

        public bool Verified { get; set; }

        /// <summary>The certificate as base64 DER.</summary>
        public string? Certificate { get; set; }

        public string? ETag { get; set; }

        public override string ToString() => EnrollmentGroupId + "/" + Entry;
    }
}
