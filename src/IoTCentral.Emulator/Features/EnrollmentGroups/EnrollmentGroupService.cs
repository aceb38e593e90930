using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;
using Microsoft.Extensions.Primitives;

namespace IoTCentral.Emulator.Features.EnrollmentGroups;

/// <summary>
/// EnrollmentGroups_* against the <see cref="StateStore"/>. Symmetric key groups get 64-byte keys generated when the
/// body gives none; X.509 groups hold up to two CA certificates, each verified only by proof of possession
/// (<see cref="ProofOfPossession"/>): a <c>verified</c> member in a request body is ignored.
/// </summary>
internal sealed partial class EnrollmentGroupService(StateStore store)
{
    public const string SymmetricKeyType = "symmetricKey";
    public const string X509Type = "x509";
    public const string Primary = "primary";
    public const string Secondary = "secondary";
    public const int MaxIdLength = 255;
    private const int GeneratedKeyBytes = 64;
    private const int MinKeyBytes = 16;
    private const int MaxKeyBytes = 64;
    private static readonly string[] DeviceTypes = ["iot", "iotEdge"];

    [GeneratedRegex("^[a-zA-Z0-9-]*$")]
    private static partial Regex IdPattern();

    public IReadOnlyList<EnrollmentGroupRecord> Page(string? after, int count) => store.Read(s => s.EnrollmentGroups.After(after, count));

    /// <summary>The application's ID scope for an answer in <paramref name="apiVersion"/>: the GA schema has no <c>idScope</c>.</summary>
    public string? IdScopeFor(string? apiVersion) =>
        apiVersion is not null && apiVersion.EndsWith("-preview", StringComparison.Ordinal) ? store.Read(s => s.Application.IdScope) : null;

    public EnrollmentGroupRecord Get(string id) => store.Read(s => s.EnrollmentGroups.GetValueOrDefault(id)) ?? throw NotFound(id);

    /// <summary>PUT: creates the group or replaces it (an etag in the body or If-Match must then match the current one).</summary>
    public EnrollmentGroupRecord CreateOrReplace(string id, JsonObject body, StringValues ifMatch)
    {
        if (id.Length is 0 or > MaxIdLength || !IdPattern().IsMatch(id))
        {
            throw ApiException.BadRequest(
                $"The enrollment group id '{id}' is not valid: use 1 to {MaxIdLength} letters, digits or '-'.", ErrorCodes.InvalidId);
        }

        return store.Write(state =>
        {
            var current = state.EnrollmentGroups.GetValueOrDefault(id);
            if (current is not null)
            {
                Etags.Check(current.Etag, new JsonFields(body).GetString("etag"), ifMatch, "enrollment group");
            }

            return state.EnrollmentGroups[id] = Parse(id, new JsonFields(body), current);
        });
    }

    /// <summary>PATCH: a merge-patch of the current representation, checked like a PUT body; unchanged certificates keep their verification.</summary>
    public EnrollmentGroupRecord Update(string id, JsonObject patch, StringValues ifMatch) => store.Write(state =>
    {
        var current = state.EnrollmentGroups.GetValueOrDefault(id) ?? throw NotFound(id);
        Etags.Check(current.Etag, new JsonFields(patch).GetString("etag"), ifMatch, "enrollment group");
        patch.Remove("etag");
        if (patch["attestation"] is JsonObject attestation && attestation["type"] is null
            && attestation.ContainsKey(current.AttestationType == X509Type ? SymmetricKeyType : X509Type))
        {
            // Otherwise the other kind's member would be dropped silently and the caller would think it was set.
            throw Invalid($"The patch sets another kind of attestation than the group's '{current.AttestationType}'; set 'attestation.type' too.");
        }

        var merged = JsonMergePatch.Apply(EnrollmentGroupResponse.From(current, null), patch) as JsonObject ?? new JsonObject();
        if (merged["attestation"] is JsonObject mergedAttestation && mergedAttestation["type"]?.GetValue<string>() is { } type && type != current.AttestationType)
        {
            // A new kind starts from the patch alone, not from the old kind's members.
            merged["attestation"] = patch["attestation"]!.DeepClone();
        }

        return state.EnrollmentGroups[id] = Parse(id, new JsonFields(merged), current);
    });

    public void Remove(string id)
    {
        if (!store.Write(s => s.EnrollmentGroups.Remove(id)))
        {
            throw NotFound(id);
        }
    }

    public SigningCertificateRecord GetCertificate(string id, string entry)
    {
        var group = Get(id);
        return EntryOf(X509Group(group), entry) ?? throw CertificateNotFound(id, entry);
    }

    /// <summary>PUT of one entry: a new certificate starts unverified; an etag in the body must match the entry's.</summary>
    public SigningCertificateRecord SetCertificate(string id, string entry, JsonObject body) => store.Write(state =>
    {
        var group = X509Group(state.EnrollmentGroups.GetValueOrDefault(id) ?? throw NotFound(id));
        var current = EntryOf(group, entry);
        var fields = new JsonFields(body);
        if (current is not null)
        {
            Etags.Check(current.Etag, fields.GetString("etag"), default, "certificate entry");
        }

        var certificate = Certificate(fields, "certificate", current);
        state.EnrollmentGroups[id] = With(group, entry, certificate) with { Etag = Etags.New() };
        return certificate;
    });

    public void RemoveCertificate(string id, string entry) => store.Write(state =>
    {
        var group = X509Group(state.EnrollmentGroups.GetValueOrDefault(id) ?? throw NotFound(id));
        _ = EntryOf(group, entry) ?? throw CertificateNotFound(id, entry);
        state.EnrollmentGroups[id] = With(group, entry, null) with { Etag = Etags.New() };
        return true;
    });

    /// <summary>A fresh code for the entry's certificate; it replaces any earlier code.</summary>
    public string GenerateVerificationCode(string id, string entry) => store.Write(state =>
    {
        var group = X509Group(state.EnrollmentGroups.GetValueOrDefault(id) ?? throw NotFound(id));
        var current = EntryOf(group, entry) ?? throw CertificateNotFound(id, entry);
        var code = ProofOfPossession.NewCode();
        state.EnrollmentGroups[id] = With(group, entry, current with { VerificationCode = code });
        return code;
    });

    /// <summary>Marks the entry verified when <paramref name="body"/>'s certificate proves possession of its CA key; the code is then used up.</summary>
    public void Verify(string id, string entry, JsonObject body) => store.Write(state =>
    {
        var group = X509Group(state.EnrollmentGroups.GetValueOrDefault(id) ?? throw NotFound(id));
        var current = EntryOf(group, entry) ?? throw CertificateNotFound(id, entry);
        var certificate = new JsonFields(body).GetString("certificate") ?? throw Invalid("Property 'certificate' is required.");
        var code = current.VerificationCode ?? throw ApiException.BadRequest(
            $"The {entry} certificate of enrollment group '{id}' has no verification code: generate one first (generateVerificationCode).",
            ErrorCodes.VerificationCodeNotFound);
        ProofOfPossession.Check(current.Certificate, code, certificate);
        var verified = current with { Verified = true, VerificationCode = null, Etag = Etags.New() };
        state.EnrollmentGroups[id] = With(group, entry, verified) with { Etag = Etags.New() };
        return true;
    });

    /// <summary>The entry name from the path, which the spec limits to primary and secondary.</summary>
    public static string Entry(string entry) => entry is Primary or Secondary
        ? entry
        : throw ApiException.BadRequest($"The certificate entry '{entry}' is not valid: use '{Primary}' or '{Secondary}'.");

    private static EnrollmentGroupRecord Parse(string id, JsonFields body, EnrollmentGroupRecord? current)
    {
        var displayName = body.GetString("displayName");
        if (string.IsNullOrWhiteSpace(displayName))
        {
            throw Invalid("Property 'displayName' is required and must not be empty.");
        }

        var type = body.GetString("type") ?? throw Invalid("Property 'type' is required: 'iot' or 'iotEdge'.");
        if (!DeviceTypes.Contains(type, StringComparer.Ordinal))
        {
            throw Invalid($"Property 'type' is '{type}'; use 'iot' or 'iotEdge'.");
        }

        var attestation = body.GetObject("attestation") ?? throw Invalid($"Property 'attestation' is required, with 'type' '{SymmetricKeyType}' or '{X509Type}'.");
        var attestationType = attestation.GetString("type") ?? throw Invalid($"Property 'attestation.type' is required: '{SymmetricKeyType}' or '{X509Type}'.");
        var enabled = body.GetBoolean("enabled") ?? true;
        switch (attestationType)
        {
            case SymmetricKeyType:
                var keys = attestation.GetObject(SymmetricKeyType);
                var currentKeys = current?.SymmetricKey;
                var symmetricKey = new SymmetricKeyRecord(
                    Key(keys, "primaryKey") ?? currentKeys?.PrimaryKey ?? NewKey(),
                    Key(keys, "secondaryKey") ?? currentKeys?.SecondaryKey ?? NewKey());
                return new EnrollmentGroupRecord(id, Etags.New(), displayName, enabled, type, attestationType, symmetricKey, null, null);
            case X509Type:
                var certificates = attestation.GetObject(X509Type)?.GetObject("signingCertificates");
                var primary = certificates?.GetObject(Primary) is { } p ? Certificate(p, "attestation.x509.signingCertificates.primary.certificate", current?.Primary) : null;
                var secondary = certificates?.GetObject(Secondary) is { } s ? Certificate(s, "attestation.x509.signingCertificates.secondary.certificate", current?.Secondary) : null;
                return new EnrollmentGroupRecord(id, Etags.New(), displayName, enabled, type, attestationType, null, primary, secondary);
            default:
                throw Invalid($"Property 'attestation.type' is '{attestationType}'; use '{SymmetricKeyType}' or '{X509Type}'.");
        }
    }

    private static string? Key(JsonFields? keys, string name)
    {
        var value = keys?.GetString(name);
        if (value is null)
        {
            return null;
        }

        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var length) && length is >= MinKeyBytes and <= MaxKeyBytes
            ? value
            : throw Invalid($"Property 'attestation.symmetricKey.{name}' must be base64 of {MinKeyBytes} to {MaxKeyBytes} bytes.");
    }

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(GeneratedKeyBytes));

    /// <summary>The certificate of a body, stored as base64 DER; the same certificate as <paramref name="current"/> keeps its state.</summary>
    private static SigningCertificateRecord Certificate(JsonFields body, string path, SigningCertificateRecord? current)
    {
        var text = body.GetString("certificate") ?? throw Invalid($"Property '{path}' is required.");
        using var parsed = CertificateText.TryLoad(text) ?? throw Invalid($"Property '{path}' is not an X.509 certificate (base64 DER or PEM).");
        var thumbprint = CertificateText.Thumbprint(parsed);
        return current is not null && current.Sha1Thumbprint == thumbprint
            ? current
            : new SigningCertificateRecord(Convert.ToBase64String(parsed.RawData), thumbprint, Etags.New(), false, null);
    }

    private static EnrollmentGroupRecord X509Group(EnrollmentGroupRecord group) => group.AttestationType == X509Type
        ? group
        : throw Invalid($"The enrollment group '{group.Id}' uses {group.AttestationType} attestation; only X.509 groups have certificates.");

    private static SigningCertificateRecord? EntryOf(EnrollmentGroupRecord group, string entry) =>
        Entry(entry) == Primary ? group.Primary : group.Secondary;

    private static EnrollmentGroupRecord With(EnrollmentGroupRecord group, string entry, SigningCertificateRecord? certificate) =>
        entry == Primary ? group with { Primary = certificate } : group with { Secondary = certificate };

    private static ApiException Invalid(string message) => ApiException.BadRequest(message, ErrorCodes.InvalidRequestBody);

    private static ApiException NotFound(string id) =>
        ApiException.NotFound($"The enrollment group '{id}' does not exist.", ErrorCodes.EnrollmentGroupNotFound);

    private static ApiException CertificateNotFound(string id, string entry) =>
        ApiException.NotFound($"The enrollment group '{id}' has no {entry} certificate.", ErrorCodes.CertificateNotFound);
}
