using System.Globalization;
using IoTCentral.Emulator.Auth;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;
using Microsoft.Extensions.Primitives;

namespace IoTCentral.Emulator.Features.DeviceFeed;

/// <summary>
/// Checks that a device-facing request carries a <see cref="DeviceFeedSignature"/> for that very device, signed with
/// its primary or secondary key and not expired by the emulator's clock (401 otherwise; 404 for an unknown device).
/// </summary>
internal sealed class DeviceFeedAuthenticator(StateStore store, EmulatorSettings settings)
{
    private const string Recipe =
        "Send 'SharedAccessSignature sr={url-encoded \"{idScope}/devices/{deviceId}\"}&sig=...&se=...' signed with the device's key " +
        "(IoTCentral.Emulator.DeviceFeedSignature.Create, or docs/emulator.md).";

    public void Authenticate(string deviceId, StringValues authorization)
    {
        if (authorization.Count != 1 || string.IsNullOrWhiteSpace(authorization[0]))
        {
            throw ApiException.Unauthorized("The Authorization header is missing. " + Recipe, ErrorCodes.MissingAuthorization);
        }

        if (!SharedAccessSignature.TryParseParts(authorization[0]!.Trim(), out var parts)
            || !parts.TryGetValue("sr", out var sr) || !parts.TryGetValue("sig", out var sig) || !parts.TryGetValue("se", out var se)
            || !long.TryParse(se, NumberStyles.None, CultureInfo.InvariantCulture, out var expirySeconds))
        {
            throw ApiException.Unauthorized("The Authorization header is not a device signature. " + Recipe);
        }

        var (idScope, device) = store.Read(s => (s.Application.IdScope, s.Devices.GetValueOrDefault(deviceId)));
        if (device is null)
        {
            throw ApiException.NotFound($"The device '{deviceId}' does not exist.", ErrorCodes.DeviceNotFound);
        }

        var expected = DeviceFeedSignature.ResourceOf(idScope, deviceId);
        if (!string.Equals(Unescape(sr), expected, StringComparison.Ordinal))
        {
            throw ApiException.Unauthorized($"The signature is for '{Unescape(sr)}', not for '{expected}'. " + Recipe);
        }

        if (expirySeconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds() || DateTimeOffset.FromUnixTimeSeconds(expirySeconds) <= settings.Clock.GetUtcNow())
        {
            throw ApiException.Unauthorized($"The device signature expired at {se} (seconds since the Unix epoch).", ErrorCodes.ExpiredToken);
        }

        var signature = Unescape(sig);
        var keys = device.ActiveKeys;
        if (!SharedAccessSignature.SignatureMatches(DeviceFeedSignature.Sign(keys.PrimaryKey, sr, se), signature)
            && !SharedAccessSignature.SignatureMatches(DeviceFeedSignature.Sign(keys.SecondaryKey, sr, se), signature))
        {
            throw ApiException.Unauthorized($"The signature does not match the primary or secondary key of the device '{deviceId}'.");
        }
    }

    private static string Unescape(string value)
    {
        try
        {
            return Uri.UnescapeDataString(value);
        }
        catch (UriFormatException)
        {
            return value;
        }
    }
}
