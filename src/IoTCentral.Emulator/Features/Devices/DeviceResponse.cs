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

/// <summary>The spec's <c>DeviceCredentials</c> (symmetric-key devices only, for now).</summary>
internal sealed record DeviceCredentialsResponse(string IdScope, SymmetricKeyResponse SymmetricKey);

/// <summary>The spec's <c>SymmetricKey</c>.</summary>
internal sealed record SymmetricKeyResponse(string PrimaryKey, string SecondaryKey);
