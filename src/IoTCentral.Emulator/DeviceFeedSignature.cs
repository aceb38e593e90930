using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IoTCentral.Emulator.Auth;

namespace IoTCentral.Emulator;

/// <summary>
/// Computes the Authorization value of the emulator's device-facing feed (<c>/device-api/devices/{deviceId}/...</c>):
/// a device shared access signature like IoT Hub's, signed with the device's own symmetric key:
/// <c>SharedAccessSignature sr={url-encoded "{idScope}/devices/{deviceId}"}&amp;sig={url-encoded signature}&amp;se={expiry, s since the Unix epoch}</c>,
/// where the signature is base64(HMAC-SHA256(key = base64-decoded device key, message = UTF-8 of sr + "\n" + se)),
/// sr taken exactly as it appears in the value. See docs/emulator.md.
/// </summary>
public static class DeviceFeedSignature
{
    /// <summary>The ID scope of the emulator's application (the same on every run); also in GET /devices/{id}/credentials.</summary>
    public static string DevelopmentIdScope { get; } = DevelopmentApplication.Create().IdScope;

    /// <summary>The signed resource: <c>{idScope}/devices/{deviceId}</c>.</summary>
    public static string ResourceOf(string idScope, string deviceId) => $"{idScope}/devices/{deviceId}";

    /// <summary>The Authorization value for <paramref name="deviceId"/> with the emulator's ID scope.</summary>
    public static string Create(string deviceId, string base64Key, DateTimeOffset expiry) =>
        Create(DevelopmentIdScope, deviceId, base64Key, expiry);

    /// <summary>The Authorization value for <paramref name="deviceId"/>, signed with its primary or secondary key (base64).</summary>
    public static string Create(string idScope, string deviceId, string base64Key, DateTimeOffset expiry)
    {
        ArgumentException.ThrowIfNullOrEmpty(idScope);
        ArgumentException.ThrowIfNullOrEmpty(deviceId);
        ArgumentException.ThrowIfNullOrEmpty(base64Key);
        var resource = Uri.EscapeDataString(ResourceOf(idScope, deviceId));
        var se = expiry.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"{SharedAccessSignature.Scheme} sr={resource}&sig={Uri.EscapeDataString(Sign(base64Key, resource, se))}&se={se}";
    }

    /// <summary>base64(HMAC-SHA256(key, UTF-8 of "{sr}\n{se}")).</summary>
    internal static string Sign(string base64Key, string encodedResource, string expiry) =>
        Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(base64Key), Encoding.UTF8.GetBytes($"{encodedResource}\n{expiry}")));
}
