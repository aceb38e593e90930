using IoTCentral.Emulator.State;

namespace IoTCentral.Emulator.Features.Devices;

/// <summary>The spec's <c>Device</c>.</summary>
internal sealed record DeviceResponse(
    string Id,
    string Etag,
    string DisplayName,
    string? Template,
    bool Enabled,
    bool Provisioned,
    bool Simulated,
    IReadOnlyList<string>? Organizations)
{
    public static DeviceResponse From(DeviceRecord device) =>
        new(device.Id, device.Etag, device.DisplayName, device.Template, device.Enabled, device.Provisioned, device.Simulated,
            device.Organizations.Count == 0 ? null : device.Organizations);
}

/// <summary>
/// The spec's <c>DeviceCredentials</c>: what the device's individual attestation holds, or without one the symmetric
/// keys generated at creation.
/// </summary>
internal sealed record DeviceCredentialsResponse(string IdScope, SymmetricKeyResponse? SymmetricKey, TpmResponse? Tpm = null, X509CredentialResponse? X509 = null)
{
    public static DeviceCredentialsResponse From(string idScope, DeviceRecord device) => device.Attestation switch
    {
        { SymmetricKey: { } keys } => new(idScope, new SymmetricKeyResponse(keys.PrimaryKey, keys.SecondaryKey)),
        { TpmEndorsementKey: { } endorsementKey } => new(idScope, null, new TpmResponse(endorsementKey)),
        { PrimaryCertificate: { } primary } attestation => new(idScope, null, null, new X509CredentialResponse(
            new X509CredentialCertificatesResponse(Certificate(primary), attestation.SecondaryCertificate is { } secondary ? Certificate(secondary) : null))),
        _ => new(idScope, new SymmetricKeyResponse(device.SymmetricKey.PrimaryKey, device.SymmetricKey.SecondaryKey)),
    };

    private static X509CredentialCertificateResponse Certificate(X509CertificateRecord certificate) =>
        new(certificate.Certificate, new X509CertificateInfoResponse(certificate.Sha1Thumbprint));
}

/// <summary>The spec's <c>X509</c> as credentials carry it: certificates with their thumbprints.</summary>
internal sealed record X509CredentialResponse(X509CredentialCertificatesResponse ClientCertificates);

internal sealed record X509CredentialCertificatesResponse(X509CredentialCertificateResponse Primary, X509CredentialCertificateResponse? Secondary);

internal sealed record X509CredentialCertificateResponse(string Certificate, X509CertificateInfoResponse Info);

/// <summary>The spec's <c>SymmetricKey</c>.</summary>
internal sealed record SymmetricKeyResponse(string PrimaryKey, string SecondaryKey);
