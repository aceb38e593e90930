using System.Text.Json;
using IoTCentral.Engine.Internal;
using IoTCentral.Models;

namespace IoTCentral.Engine.Json;

internal static class EnrollmentGroupJson
{
    public static EnrollmentGroup Read(JsonElement element)
    {
        var id = element.GetString("id") ?? string.Empty;
        var attestation = element.GetObject("attestation");
        var keys = attestation?.GetObject("symmetricKey");
        var certificates = attestation?.GetObject("x509")?.GetObject("signingCertificates");
        return new EnrollmentGroup
        {
            Id = id,
            DisplayName = element.GetString("displayName"),
            Enabled = element.GetBoolean("enabled") ?? true,
            Type = element.GetString("type") ?? string.Empty,
            AttestationType = attestation?.GetString("type") ?? string.Empty,
            PrimaryKey = SecureStrings.ProtectOrNull(keys?.GetString("primaryKey")),
            SecondaryKey = SecureStrings.ProtectOrNull(keys?.GetString("secondaryKey")),
            PrimaryCertificate = certificates?.GetObject("primary") is { } primary ? ReadCertificate(id, "Primary", primary) : null,
            SecondaryCertificate = certificates?.GetObject("secondary") is { } secondary ? ReadCertificate(id, "Secondary", secondary) : null,
            IdScope = element.GetString("idScope"),
            ETag = element.GetString("etag"),
        };
    }

    public static EnrollmentGroupCertificate ReadCertificate(string groupId, string entry, JsonElement element) => new()
    {
        EnrollmentGroupId = groupId,
        Entry = entry,
        Thumbprint = element.GetObject("info")?.GetString("sha1Thumbprint"),
        Verified = element.GetBoolean("verified") ?? false,
        Certificate = element.GetString("certificate"),
        ETag = element.GetString("etag"),
    };
}
