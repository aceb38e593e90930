using System;
using System.Collections.Generic;
using System.Security;

namespace IoTCentral.Models
{
    /// <summary>
    /// An enrollment group (device connection group): devices connect through it with a key derived from its
    /// symmetric key, or with a certificate issued by one of its X.509 CA certificates, as <see cref="AttestationType"/> says.
    /// </summary>
    public sealed class EnrollmentGroup : IoTCentralObject
    {
        public EnrollmentGroup()
        {
        }

        public EnrollmentGroup(Uri? applicationUrl)
            : base(applicationUrl)
        {
        }

        public string Id { get; set; } = string.Empty;

        public string? DisplayName { get; set; }

        /// <summary>Whether devices may connect through the group.</summary>
        public bool Enabled { get; set; } = true;

        /// <summary>iot or iotEdge, as the REST API names them.</summary>
        public string Type { get; set; } = string.Empty;

        /// <summary>symmetricKey or x509, as the REST API names them.</summary>
        public string AttestationType { get; set; } = string.Empty;

        public SecureString? PrimaryKey { get; set; }

        public SecureString? SecondaryKey { get; set; }

        public EnrollmentGroupCertificate? PrimaryCertificate { get; set; }

        public EnrollmentGroupCertificate? SecondaryCertificate { get; set; }

        /// <summary>The application's ID scope for device provisioning (the preview API returns it).</summary>
        public string? IdScope { get; set; }

        public string? ETag { get; set; }

        internal override IEnumerable<IoTCentralObject> Parts => new IoTCentralObject?[] { PrimaryCertificate, SecondaryCertificate }!;

        public override string ToString() => Id;
    }
}
