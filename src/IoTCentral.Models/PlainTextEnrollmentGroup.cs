using System;
using System.Collections.Generic;

namespace IoTCentral.Models
{
    /// <summary>An enrollment group whose symmetric keys the user asked for as plain text (-AsPlainText).</summary>
    public sealed class PlainTextEnrollmentGroup : IoTCentralObject
    {
        public PlainTextEnrollmentGroup()
        {
        }

        public PlainTextEnrollmentGroup(Uri? applicationUrl)
            : base(applicationUrl)
        {
        }

        public string Id { get; set; } = string.Empty;

        public string? DisplayName { get; set; }

        public bool Enabled { get; set; } = true;

        public string Type { get; set; } = string.Empty;

        public string AttestationType { get; set; } = string.Empty;

        public string? PrimaryKey { get; set; }

        public string? SecondaryKey { get; set; }

        public EnrollmentGroupCertificate? PrimaryCertificate { get; set; }

        public EnrollmentGroupCertificate? SecondaryCertificate { get; set; }

        public string? IdScope { get; set; }

        public string? ETag { get; set; }

        internal override IEnumerable<IoTCentralObject> Parts => new IoTCentralObject?[] { PrimaryCertificate, SecondaryCertificate }!;

        public override string ToString() => Id;
    }
}
