using IoTCentral.Models;

namespace IoTCentral.Infrastructure
{
    /// <summary>What the attestation cmdlets write: the protected attestation, or its plain-text copy when asked.</summary>
    internal static class DeviceAttestationView
    {
        internal static object Output(DeviceAttestation attestation, bool asPlainText) => !asPlainText ? attestation : new PlainTextDeviceAttestation(attestation.ApplicationUrl)
        {
            DeviceId = attestation.DeviceId,
            Type = attestation.Type,
            PrimaryKey = SecureStrings.ToPlainText(attestation.PrimaryKey),
            SecondaryKey = SecureStrings.ToPlainText(attestation.SecondaryKey),
            PrimaryThumbprint = attestation.PrimaryThumbprint,
            SecondaryThumbprint = attestation.SecondaryThumbprint,
            TpmEndorsementKey = attestation.TpmEndorsementKey,
        };
    }
}
