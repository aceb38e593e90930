using System.Text.Json.Nodes;
using IoTCentral.Emulator.State;

namespace IoTCentral.Emulator.Features.EnrollmentGroups;

/// <summary>An enrollment group as the spec's <c>EnrollmentGroup</c>, and a certificate entry as <c>SigningX509Certificate</c>.</summary>
internal static class EnrollmentGroupResponse
{
    /// <summary>The group; <paramref name="idScope"/> is the application's ID scope, which only the preview schema has (null: left out).</summary>
    public static JsonObject From(EnrollmentGroupRecord group, string? idScope)
    {
        var body = new JsonObject
        {
            ["id"] = group.Id,
            ["displayName"] = group.DisplayName,
            ["enabled"] = group.Enabled,
            ["type"] = group.Type,
            ["attestation"] = Attestation(group),
            ["etag"] = group.Etag,
        };
        if (idScope is not null)
        {
            body["idScope"] = idScope;
        }

        return body;
    }

    public static JsonObject Certificate(SigningCertificateRecord entry) => new()
    {
        ["verified"] = entry.Verified,
        ["certificate"] = entry.Certificate,
        ["info"] = new JsonObject { ["sha1Thumbprint"] = entry.Sha1Thumbprint },
        ["etag"] = entry.Etag,
    };

    private static JsonObject Attestation(EnrollmentGroupRecord group)
    {
        var attestation = new JsonObject { ["type"] = group.AttestationType };
        if (group.SymmetricKey is { } keys)
        {
            attestation[EnrollmentGroupService.SymmetricKeyType] = new JsonObject { ["primaryKey"] = keys.PrimaryKey, ["secondaryKey"] = keys.SecondaryKey };
        }
        else
        {
            var certificates = new JsonObject();
            foreach (var (entry, record) in new[] { (EnrollmentGroupService.Primary, group.Primary), (EnrollmentGroupService.Secondary, group.Secondary) })
            {
                if (record is not null)
                {
                    certificates[entry] = Certificate(record);
                }
            }

            attestation[EnrollmentGroupService.X509Type] = new JsonObject { ["signingCertificates"] = certificates };
        }

        return attestation;
    }
}
