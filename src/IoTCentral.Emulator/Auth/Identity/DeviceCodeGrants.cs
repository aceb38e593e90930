using System.Buffers.Text;
using System.Security.Cryptography;

namespace IoTCentral.Emulator.Auth.Identity;

/// <summary>The device-code sign-ins in progress, by device code, with lookup by user code for approval.</summary>
internal sealed class DeviceCodeGrants(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    // Like Microsoft Entra's user codes: 9 characters, without look-alikes (0/O, 1/I) so people can type them.
    private const string UserCodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private const int UserCodeLength = 9;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, DeviceCodeGrant> _byDeviceCode = new(StringComparer.Ordinal);

    public DeviceCodeGrant Begin(string clientId, string tenant, RequestedScope scope)
    {
        var grant = new DeviceCodeGrant(
            Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(48)),
            RandomNumberGenerator.GetString(UserCodeAlphabet, UserCodeLength),
            clientId, tenant, scope, clock.GetUtcNow() + Lifetime);
        lock (_gate)
        {
            RemoveExpired();
            _byDeviceCode.Add(grant.DeviceCode, grant);
        }

        return grant;
    }

    /// <summary>Marks the pending code as approved by <paramref name="user"/>; false when no such code is pending.</summary>
    public bool Approve(string userCode, UserRegistration user)
    {
        lock (_gate)
        {
            RemoveExpired();
            var grant = _byDeviceCode.Values.FirstOrDefault(g => string.Equals(g.UserCode, userCode.Trim(), StringComparison.OrdinalIgnoreCase));
            if (grant is null)
            {
                return false;
            }

            _byDeviceCode[grant.DeviceCode] = grant with { ApprovedBy = user };
            return true;
        }
    }

    /// <summary>The grant for a poll; an approved grant is removed, so its code can be redeemed once.</summary>
    public DeviceCodeGrant? Poll(string deviceCode)
    {
        lock (_gate)
        {
            if (!_byDeviceCode.TryGetValue(deviceCode, out var grant))
            {
                return null;
            }

            if (grant.ApprovedBy is not null || grant.ExpiresOn <= clock.GetUtcNow())
            {
                _byDeviceCode.Remove(deviceCode);
            }

            return grant;
        }
    }

    private void RemoveExpired()
    {
        var now = clock.GetUtcNow();
        foreach (var expired in _byDeviceCode.Values.Where(g => g.ExpiresOn <= now).ToList())
        {
            _byDeviceCode.Remove(expired.DeviceCode);
        }
    }
}
