using System.Text.Json.Serialization;

namespace IoTCentral.Emulator.State;

/// <summary>The emulated application: its id (the tokens' <c>sr</c>), device ID scope and token signing key (base64).</summary>
internal sealed record ApplicationRecord(string Id, string IdScope, string SigningKey)
{
    [JsonIgnore]
    public byte[] SigningKeyBytes { get; } = Convert.FromBase64String(SigningKey);
}

/// <summary>A role assignment of a token (later: of a user).</summary>
internal sealed record RoleAssignmentRecord(string Role, string? Organization);

/// <summary>A stored API token. The value is never stored; <see cref="Nonce"/> makes each created token's signature unique.</summary>
internal sealed record ApiTokenRecord(string Id, IReadOnlyList<RoleAssignmentRecord> Roles, DateTimeOffset Expiry, string Nonce);

/// <summary>Symmetric keys of a device (base64 of 64 random bytes each), generated at creation and kept.</summary>
internal sealed record SymmetricKeyRecord(string PrimaryKey, string SecondaryKey);

/// <summary>
/// A stored device. Its relationships (where it is the source) and its individual attestation live with it, so they
/// are saved, loaded and removed with the device; both are null in records written before they existed.
/// </summary>
internal sealed record DeviceRecord(
    string Id,
    string Etag,
    string DisplayName,
    string? Template,
    bool Enabled,
    bool Provisioned,
    bool Simulated,
    IReadOnlyList<string> Organizations,
    SymmetricKeyRecord SymmetricKey,
    IReadOnlyList<RelationshipRecord>? Relationships = null,
    AttestationRecord? Attestation = null,
    string? DeploymentManifest = null)
{
    [JsonIgnore]
    public IReadOnlyList<RelationshipRecord> RelationshipList => Relationships ?? [];

    /// <summary>The keys the device signs with: its symmetric-key attestation's when it has one, else the generated ones.</summary>
    [JsonIgnore]
    public SymmetricKeyRecord ActiveKeys => Attestation?.SymmetricKey ?? SymmetricKey;
}

/// <summary>A relationship from the device that holds it (the source) to <see cref="Target"/>.</summary>
internal sealed record RelationshipRecord(string Id, string Target);

/// <summary>
/// A device's individual attestation: exactly one of the three kinds is set, as <see cref="Type"/> says. X.509
/// certificates are kept as base64 DER (PEM input is converted) with their SHA-1 thumbprints computed at write time.
/// </summary>
internal sealed record AttestationRecord(
    string Type,
    SymmetricKeyRecord? SymmetricKey,
    string? TpmEndorsementKey,
    X509CertificateRecord? PrimaryCertificate,
    X509CertificateRecord? SecondaryCertificate);

/// <summary>A stored client certificate and its thumbprint (upper-case hex).</summary>
internal sealed record X509CertificateRecord(string Certificate, string Sha1Thumbprint);

/// <summary>A stored organization; <see cref="Parent"/> is null for a top-level organization.</summary>
internal sealed record OrganizationRecord(string Id, string DisplayName, string? Parent);

/// <summary>A stored device group: its members are the devices its <see cref="Filter"/> selects when asked.</summary>
internal sealed record DeviceGroupRecord(
    string Id,
    string Etag,
    string DisplayName,
    string Filter,
    string? Description,
    IReadOnlyList<string> Organizations);

/// <summary>One device of a job: its status (pending, completed, failed) and the batch it runs in.</summary>
internal sealed record JobDeviceRecord(string Id, string Status, int Batch);

/// <summary>
/// A stored job. <see cref="Definition"/> is the validated body as JSON text (display name, description, group,
/// batch, cancellation threshold, data, organizations); the rest is how far the run has got.
/// </summary>
internal sealed record JobRecord(
    string Id,
    string Definition,
    DateTimeOffset Start,
    DateTimeOffset? End,
    string Status,
    IReadOnlyList<JobDeviceRecord> Devices,
    int NextBatch,
    DateTimeOffset NextBatchAt);

/// <summary>
/// A stored scheduled job. <see cref="Body"/> is the validated definition as JSON text (the job's members, schedule
/// and enabled); <see cref="Runs"/> counts the occurrences that have come, <see cref="Completed"/> is set when none is left.
/// </summary>
internal sealed record ScheduledJobRecord(string Id, string Etag, string Body, int Runs, bool Completed);

/// <summary>
/// A stored enrollment group. <see cref="AttestationType"/> says which credential it has: symmetric keys (generated
/// when not given) or up to two X.509 signing (CA) certificates.
/// </summary>
internal sealed record EnrollmentGroupRecord(
    string Id,
    string Etag,
    string DisplayName,
    bool Enabled,
    string Type,
    string AttestationType,
    SymmetricKeyRecord? SymmetricKey,
    SigningCertificateRecord? Primary,
    SigningCertificateRecord? Secondary);

/// <summary>
/// An enrollment group's CA certificate (base64 DER) with its proof-of-possession state: the last verification code
/// handed out (null once used or before one is asked for) and whether a certificate signed by its key proved it.
/// </summary>
internal sealed record SigningCertificateRecord(string Certificate, string Sha1Thumbprint, string Etag, bool Verified, string? VerificationCode);

/// <summary>
/// The application's file upload configuration (one, stored under the id <c>default</c>): its normalized body as JSON
/// text, and the provisioning <see cref="State"/> it entered at <see cref="Since"/> (pending, updating or deleting
/// settle by the emulator's clock).
/// </summary>
internal sealed record FileUploadRecord(string Etag, string Body, string State, DateTimeOffset Since);

/// <summary>A stored dashboard or deployment manifest (preview): its normalized body as JSON text.</summary>
internal sealed record DocumentRecord(string Id, string Etag, string Body);

/// <summary>
/// A stored data export destination. <see cref="Body"/> is the validated definition as JSON text, secrets included
/// (they are needed to deliver); responses mask them.
/// </summary>
internal sealed record DestinationRecord(string Id, string Body);

/// <summary>A stored data export: <see cref="Body"/> is the validated definition as JSON text. Its health lives in memory.</summary>
internal sealed record ExportRecord(string Id, string Body);
