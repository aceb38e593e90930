using System.Text.Json;
using IoTCentral.Engine.Internal;
using IoTCentral.Models;

namespace IoTCentral.Engine.Json;

internal static class DeviceAttestationJson
{
    public static DeviceAttestation Read(string deviceId, JsonElement element)
    {
        var symmetricKey = element.GetObject("symmetricKey");
        var certificates = element.GetObject("x509")?.GetObject("clientCertificates");
        return new DeviceAttestation
        {
            DeviceId = deviceId,
            Type = element.GetString("type") ?? string.Empty,
            PrimaryKey = SecureStrings.ProtectOrNull(symmetricKey?.GetString("primaryKey")),
            SecondaryKey = SecureStrings.ProtectOrNull(symmetricKey?.GetString("secondaryKey")),
            PrimaryThumbprint = certificates?.GetObject("primary")?.GetObject("info")?.GetString("sha1Thumbprint"),
            SecondaryThumbprint = certificates?.GetObject("secondary")?.GetObject("info")?.GetString("sha1Thumbprint"),
            TpmEndorsementKey = element.GetObject("tpm")?.GetString("endorsementKey"),
        };
    }
}
