using IoTCentral.Emulator.Auth;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IoTCentral.Emulator.Features.Devices;

/// <summary>
/// Devices_GetAttestation, Devices_CreateAttestation, Devices_UpdateAttestation and Devices_RemoveAttestation.
/// Reading needs the same permission as reading credentials, since a symmetric-key attestation holds the keys.
/// </summary>
internal static class AttestationRoutes
{
    private const string Path = "/devices/{deviceId}/attestation";

    public static void MapAttestationRoutes(this IEndpointRouteBuilder api)
    {
        api.MapGet(Path, (string deviceId, AttestationService attestations) =>
                Json(AttestationResponse.From(attestations.Get(deviceId))))
            .RequirePermission(Permission.ManageDevices);

        api.MapPut(Path, async (string deviceId, HttpContext context, AttestationService attestations) =>
                Json(AttestationResponse.From(await attestations.SetAsync(deviceId, await JsonBody.ReadObjectAsync(context, JsonBody.Json)))))
            .RequirePermission(Permission.ManageDevices);

        api.MapPatch(Path, async (string deviceId, HttpContext context, AttestationService attestations) =>
                Json(AttestationResponse.From(await attestations.UpdateAsync(deviceId, await JsonBody.ReadObjectAsync(context, JsonBody.Json, JsonBody.MergePatchJson)))))
            .RequirePermission(Permission.ManageDevices);

        api.MapDelete(Path, async (string deviceId, AttestationService attestations) =>
            {
                await attestations.RemoveAsync(deviceId);
                return Results.NoContent();
            })
            .RequirePermission(Permission.ManageDevices);
    }

    private static IResult Json<T>(T body) => Results.Json(body, EmulatorJson.Options);
}

/// <summary>
/// The spec's <c>SymmetricKeyAttestation</c>, <c>TpmAttestation</c> or <c>X509Attestation</c>. Certificates are
/// answered by their thumbprints only, as in the spec's example.
/// </summary>
internal sealed record AttestationResponse(string Type, SymmetricKeyResponse? SymmetricKey, TpmResponse? Tpm, X509Response? X509)
{
    public static AttestationResponse From(AttestationRecord attestation) => new(
        attestation.Type,
        attestation.SymmetricKey is { } keys ? new SymmetricKeyResponse(keys.PrimaryKey, keys.SecondaryKey) : null,
        attestation.TpmEndorsementKey is { } endorsementKey ? new TpmResponse(endorsementKey) : null,
        attestation.PrimaryCertificate is { } primary
            ? new X509Response(new X509CertificatesResponse(Info(primary), attestation.SecondaryCertificate is { } secondary ? Info(secondary) : null))
            : null);

    private static X509CertificateResponse Info(X509CertificateRecord certificate) => new(new X509CertificateInfoResponse(certificate.Sha1Thumbprint));
}

internal sealed record TpmResponse(string EndorsementKey);

internal sealed record X509Response(X509CertificatesResponse ClientCertificates);

internal sealed record X509CertificatesResponse(X509CertificateResponse Primary, X509CertificateResponse? Secondary);

internal sealed record X509CertificateResponse(X509CertificateInfoResponse Info);

internal sealed record X509CertificateInfoResponse(string Sha1Thumbprint);
