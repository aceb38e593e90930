using System.Security.Cryptography;
using System.Text;
using IoTCentral.Emulator.Features.Roles;
using IoTCentral.Emulator.State;

namespace IoTCentral.Emulator.Auth;

/// <summary>
/// The emulator's one application. Its id, ID scope and token signing key are derived from a public, fixed
/// development secret (like Azurite's well-known account key), so the built-in admin token is the same on every run.
/// </summary>
internal static class DevelopmentApplication
{
    /// <summary>Public and documented; it protects nothing but the emulator.</summary>
    public const string Secret = "IoTCentral-Emulator-Development-Secret-v1 (public, not for production)";

    public const string AdminTokenId = "emulator-admin";

    /// <summary>The admin token's expiry: 9999-12-31T23:59:59Z.</summary>
    public static readonly DateTimeOffset AdminTokenExpiry = new(9999, 12, 31, 23, 59, 59, TimeSpan.Zero);

    /// <summary>The admin token has no random nonce, so its value is deterministic.</summary>
    public const string AdminTokenNonce = "";

    public static ApplicationRecord Create()
    {
        var idBytes = Derive("application-id")[..16];
        var scope = Convert.ToHexString(Derive("id-scope")[..4]);
        return new ApplicationRecord(new Guid(idBytes).ToString("D"), "0ne" + scope, Convert.ToBase64String(Derive("signing-key")));
    }

    /// <summary>The built-in admin token; never listed, never removable.</summary>
    public static ApiTokenRecord AdminToken { get; } =
        new(AdminTokenId, [new RoleAssignmentRecord(BuiltInRoles.Administrator.Id, null)], AdminTokenExpiry, AdminTokenNonce);

    public static string AdminTokenValue(ApplicationRecord application) =>
        SharedAccessSignature.Create(application.Id, AdminTokenId, AdminTokenExpiry, application.SigningKeyBytes, AdminTokenNonce);

    private static byte[] Derive(string purpose) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(purpose));
}
