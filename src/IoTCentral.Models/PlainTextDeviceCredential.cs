using System;

namespace IoTCentral.Models
{
    /// <summary>Device credentials whose symmetric keys the user asked for as plain text (-AsPlainText).</summary>
    public sealed class PlainTextDeviceCredential : IoTCentralObject
    {
        public PlainTextDeviceCredential()
        {
        }

        public PlainTextDeviceCredential(Uri? applicationUrl)
            : base(applicationUrl)
        {
        }

        public string DeviceId { get; set; } = string.Empty;

        public string IdScope { get; set; } = string.Empty;

        public string? PrimaryKey { get; set; }

        public string? SecondaryKey { get; set; }

        public string? PrimaryCertificate { get; set; }

        public string? SecondaryCertificate { get; set; }

        public string? TpmEndorsementKey { get; set; }

        public override string ToString() => DeviceId;
    }
}
