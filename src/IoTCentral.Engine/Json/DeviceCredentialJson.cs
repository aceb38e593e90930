using System.Text.Json;
using IoTCentral.Engine.Internal;
using IoTCentral.Models;

namespace IoTCentral.Engine.Json;

internal static class DeviceCredentialJson
{
    public static DeviceCredential Read(string deviceId, JsonElement element)
    {
        var symmetricKey = element.GetObject("symmetricKey");
        var certificates = element.GetObject("x509")?.GetObject("clientCertificates");
        return new DeviceCredential
        {
            DeviceId = deviceId,
            IdScope = element.GetString("idScope") ?? string.Empty,
            PrimaryKey = SecureStrings.ProtectOrNull(symmetricKey?.GetString("primaryKey")),
            SecondaryKey = SecureStrings.ProtectOrNull(symmetricKey?.GetString("secondaryKey")),
            PrimaryCertificate = certificates?.GetObject("primary")?.GetString("certificate"),
            SecondaryCertificate = certificates?.GetObject("secondary")?.GetString("certificate"),
            TpmEndorsementKey = element.GetObject("tpm")?.GetString("endorsementKey"),
        };
    }
}
