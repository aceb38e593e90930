using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using IoTCentral.Engine.Internal;
using IoTCentral.Engine.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine;

/// <summary>
/// The application's enrollment groups, their X.509 CA certificate entries (primary, secondary) and the
/// proof-of-possession steps that verify those certificates.
/// </summary>
public sealed class EnrollmentGroupsOperations : CollectionOperations<EnrollmentGroup>
{
    private readonly RestClient _rest;

    internal EnrollmentGroupsOperations(RestClient rest)
        : base(new ResourceCollection<EnrollmentGroup>(rest, "enrollmentGroups", EnrollmentGroupJson.Read))
        => _rest = rest;

    /// <summary>PUT /enrollmentGroups/{id}: <paramref name="body"/> is the spec's EnrollmentGroup as a dictionary tree.</summary>
    public Task<EnrollmentGroup> CreateAsync(string id, IDictionary<string, object?> body, CancellationToken ct) =>
        Collection.PutAsync(id, JsonTreeWriter.ToUtf8(body ?? throw new ArgumentNullException(nameof(body))), ct);

    /// <summary>GET of one certificate entry; <paramref name="entry"/> is primary or secondary (any case).</summary>
    public Task<EnrollmentGroupCertificate> GetCertificateAsync(string id, string entry, CancellationToken ct) =>
        Certificates(id, entry).GetAsync(EntrySegment(entry), ct);

    /// <summary>Sets the entry's CA certificate (base64 DER or PEM); with <paramref name="etag"/>, only if the entry is unchanged.</summary>
    public Task<EnrollmentGroupCertificate> SetCertificateAsync(string id, string entry, string certificate, string? etag, CancellationToken ct)
    {
        var body = new Dictionary<string, object?> { ["certificate"] = certificate };
        if (!string.IsNullOrEmpty(etag))
        {
            body["etag"] = etag;
        }

        return Certificates(id, entry).PutAsync(EntrySegment(entry), JsonTreeWriter.ToUtf8(body), ct);
    }

    public Task RemoveCertificateAsync(string id, string entry, CancellationToken ct) => Certificates(id, entry).RemoveAsync(EntrySegment(entry), ct);

    /// <summary>A new verification code for the entry; it replaces any earlier one.</summary>
    public Task<EnrollmentGroupVerificationCode> GenerateVerificationCodeAsync(string id, string entry, CancellationToken ct) =>
        _rest.SendJsonAsync(
            RequestMethod.Post,
            CertificatePath(id, entry) + "/generateVerificationCode",
            null,
            RestClient.JsonContentType,
            null,
            // Each call makes a new code and voids the last: a retried POST is harmless, the newest code wins.
            true,
            root => new EnrollmentGroupVerificationCode { EnrollmentGroupId = id, Entry = EntryName(entry), VerificationCode = root.GetString("verificationCode") ?? string.Empty },
            ct);

    /// <summary>Sends the certificate (base64 DER or PEM) signed by the CA key whose subject is CN=the verification code.</summary>
    public Task VerifyCertificateAsync(string id, string entry, string certificate, CancellationToken ct) =>
        _rest.SendAsync(
            RequestMethod.Post,
            CertificatePath(id, entry) + "/verify",
            JsonTreeWriter.ToUtf8(new Dictionary<string, object?> { ["certificate"] = certificate }),
            RestClient.JsonContentType,
            null,
            null,
            ct);

    private string CertificatePath(string id, string entry) => Collection.PathOf(id) + "/certificates/" + EntrySegment(entry);

    private ResourceCollection<EnrollmentGroupCertificate> Certificates(string id, string entry) =>
        new(_rest, Collection.PathOf(id) + "/certificates", root => EnrollmentGroupJson.ReadCertificate(id, EntryName(entry), root));

    private static string EntrySegment(string entry) => EntryName(entry).ToLowerInvariant();

    private static string EntryName(string entry) =>
        string.Equals(entry, "primary", StringComparison.OrdinalIgnoreCase) ? "Primary"
        : string.Equals(entry, "secondary", StringComparison.OrdinalIgnoreCase) ? "Secondary"
        : throw new ArgumentException("A certificate entry is Primary or Secondary, not '" + entry + "'.", nameof(entry));
}
