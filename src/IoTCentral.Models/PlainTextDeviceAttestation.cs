using System;

namespace IoTCentral.Models
{
    /// <summary>A device attestation whose symmetric keys the user asked for as plain text (-AsPlainText).</summary>
    public sealed class PlainTextDeviceAttestation : IoTCentralObject
    {
        public PlainTextDeviceAttestation()
        {
        }

        public PlainTextDeviceAttestation(Uri? applicationUrl)
            : base(applicationUrl)
        {
        }

        public string DeviceId { get; set; } = string.Empty;

        public string Type { get; set; } = string.Empty;

        public string? PrimaryKey { get; set; }

        public string? SecondaryKey { get; set; }

        public string? PrimaryThumbprint { get; set; }

        public string? SecondaryThumbprint { get; set; }

        public string? TpmEndorsementKey { get; set; }

        public override string ToString() => DeviceId;
    }
}
