using System.Text.Json.Nodes;
using IoTCentral.Emulator.Features.EnrollmentGroups;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;

namespace IoTCentral.Emulator.Features.Devices;

/// <summary>
/// A device's individual attestation (symmetric key, TPM or X.509), stored on the device record. The body is
/// checked as DPS checks an individual enrollment: symmetric keys are base64 of 16 to 64 bytes, the TPM endorsement
/// key is base64, and certificates must parse as X.509 (base64 DER or PEM).
/// </summary>
internal sealed class AttestationService(StateStore store)
{
    public const string SymmetricKeyType = "symmetricKey";
    public const string TpmType = "tpm";
    public const string X509Type = "x509";
    private const int MinKeyBytes = 16;
    private const int MaxKeyBytes = 64;

    public AttestationRecord Get(string deviceId) => store.Read(s => Current(Device(s, deviceId)));

    /// <summary>PUT: sets (creates or replaces) the attestation.</summary>
    public Task<AttestationRecord> SetAsync(string deviceId, JsonObject body)
    {
        var attestation = Parse(body);
        return store.WriteAsync(state =>
        {
            var device = Device(state, deviceId);
            state.Devices[deviceId] = device with { Attestation = attestation };
            return attestation;
        });
    }

    /// <summary>
    /// PATCH: a JSON merge-patch of the current attestation as a body (certificates included), checked as a PUT
    /// body. So a patch may add a secondary key or certificate, or change the type if it supplies the new kind.
    /// </summary>
    public Task<AttestationRecord> UpdateAsync(string deviceId, JsonObject patch) => store.WriteAsync(state =>
    {
        var device = Device(state, deviceId);
        var merged = MergePatch(ToBody(Current(device)), patch);
        var type = new JsonFields(merged).GetString("type");
        var otherKind = new[] { SymmetricKeyType, TpmType, X509Type }.FirstOrDefault(k => k != type && patch[k] is not null);
        if (otherKind is not null)
        {
            // Otherwise the member would be dropped silently and the caller would think the credential was set.
            throw Invalid($"The patch sets '{otherKind}' but the attestation is of type '{type}'; set 'type' too, or PUT the whole attestation.");
        }

        var attestation = Parse(merged);
        state.Devices[deviceId] = device with { Attestation = attestation };
        return attestation;
    });

    public Task RemoveAsync(string deviceId) => store.WriteAsync(state =>
    {
        var device = Device(state, deviceId);
        Current(device);
        state.Devices[deviceId] = device with { Attestation = null };
        return true;
    });

    private static AttestationRecord Parse(JsonObject body)
    {
        var fields = new JsonFields(body);
        var type = fields.GetString("type")
            ?? throw Invalid($"Property 'type' is required: '{SymmetricKeyType}', '{TpmType}' or '{X509Type}'.");
        switch (type)
        {
            case SymmetricKeyType:
                var keys = Required(fields, SymmetricKeyType);
                return new AttestationRecord(type, new SymmetricKeyRecord(Key(keys, "primaryKey"), Key(keys, "secondaryKey")), null, null, null);
            case TpmType:
                var tpm = Required(fields, TpmType);
                return new AttestationRecord(type, null, Base64(tpm, "tpm.endorsementKey", "endorsementKey"), null, null);
            case X509Type:
                var certificates = Required(fields, X509Type).GetObject("clientCertificates")
                    ?? throw Invalid("Property 'x509.clientCertificates' is required.");
                var primary = certificates.GetObject("primary") ?? throw Invalid("Property 'x509.clientCertificates.primary' is required.");
                var secondary = certificates.GetObject("secondary");
                return new AttestationRecord(type, null, null, Certificate(primary, "primary"), secondary is null ? null : Certificate(secondary, "secondary"));
            default:
                throw Invalid($"Property 'type' is '{type}'; use '{SymmetricKeyType}', '{TpmType}' or '{X509Type}'.");
        }
    }

    private static JsonFields Required(JsonFields body, string name) =>
        body.GetObject(name) ?? throw Invalid($"Property '{name}' is required for the attestation type '{name}'.");

    private static string Key(JsonFields keys, string name)
    {
        var bytes = Convert.FromBase64String(Base64(keys, "symmetricKey." + name, name));
        return bytes.Length is < MinKeyBytes or > MaxKeyBytes
            ? throw Invalid($"Property 'symmetricKey.{name}' must be base64 of {MinKeyBytes} to {MaxKeyBytes} bytes, not {bytes.Length}.")
            : keys.GetString(name)!;
    }

    private static string Base64(JsonFields fields, string path, string name)
    {
        var value = fields.GetString(name) ?? throw Invalid($"Property '{path}' is required.");
        Span<byte> buffer = new byte[value.Length];
        return value.Length > 0 && Convert.TryFromBase64String(value, buffer, out _)
            ? value
            : throw Invalid($"Property '{path}' must be base64.");
    }

    private static X509CertificateRecord Certificate(JsonFields certificate, string which)
    {
        var text = certificate.GetString("certificate")
            ?? throw Invalid($"Property 'x509.clientCertificates.{which}.certificate' is required.");
        using var parsed = CertificateText.TryLoad(text)
            ?? throw Invalid($"Property 'x509.clientCertificates.{which}.certificate' is not an X.509 certificate (base64 DER or PEM).");
        return new X509CertificateRecord(Convert.ToBase64String(parsed.RawData), CertificateText.Thumbprint(parsed));
    }

    /// <summary>The attestation as a request body, certificates included, to apply a merge-patch to.</summary>
    private static JsonObject ToBody(AttestationRecord attestation)
    {
        var body = new JsonObject { ["type"] = attestation.Type };
        if (attestation.SymmetricKey is { } keys)
        {
            body[SymmetricKeyType] = new JsonObject { ["primaryKey"] = keys.PrimaryKey, ["secondaryKey"] = keys.SecondaryKey };
        }

        if (attestation.TpmEndorsementKey is { } endorsementKey)
        {
            body[TpmType] = new JsonObject { ["endorsementKey"] = endorsementKey };
        }

        if (attestation.PrimaryCertificate is { } primary)
        {
            var certificates = new JsonObject { ["primary"] = new JsonObject { ["certificate"] = primary.Certificate } };
            if (attestation.SecondaryCertificate is { } secondary)
            {
                certificates["secondary"] = new JsonObject { ["certificate"] = secondary.Certificate };
            }

            body[X509Type] = new JsonObject { ["clientCertificates"] = certificates };
        }

        return body;
    }

    /// <summary>RFC 7396: objects merge member by member, null removes a member, anything else replaces.</summary>
    private static JsonObject MergePatch(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch.ToList())
        {
            if (value is null)
            {
                target.Remove(name);
            }
            else if (value is JsonObject patchObject)
            {
                var current = target[name] as JsonObject ?? new JsonObject();
                target[name] = null;
                target[name] = MergePatch(current, (JsonObject)patchObject.DeepClone());
            }
            else
            {
                target[name] = value.DeepClone();
            }
        }

        return target;
    }

    private static DeviceRecord Device(EmulatorState state, string deviceId) =>
        state.Devices.GetValueOrDefault(deviceId)
        ?? throw ApiException.NotFound($"The device '{deviceId}' does not exist.", ErrorCodes.DeviceNotFound);

    private static AttestationRecord Current(DeviceRecord device) =>
        device.Attestation
        ?? throw ApiException.NotFound($"The device '{device.Id}' has no individual attestation.", ErrorCodes.AttestationNotFound);

    private static ApiException Invalid(string message) => ApiException.BadRequest(message, ErrorCodes.InvalidRequestBody);
}
