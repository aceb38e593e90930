using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using IoTCentral.Emulator.Http;

namespace IoTCentral.Emulator.Auth.Identity;

/// <summary>
/// Registers identities for manual use from a JSON file (<c>identities.json</c> in the data directory, or
/// <c>--identities FILE</c>), read once at start. The shape is documented in docs/emulator.md.
/// </summary>
internal static class IdentitiesFileReader
{
    public const string DefaultFileName = "identities.json";

    private sealed record FileContent(
        List<ServicePrincipalEntry>? ServicePrincipals, List<UserEntry>? Users, List<ManagedIdentityEntry>? ManagedIdentities, string? DeviceCodeAutoApproveUser, List<string>? ManagementAccess);

    private sealed record ServicePrincipalEntry(string TenantId, string ClientId, string ObjectId, string? ClientSecret, string? CertificateFile);

    private sealed record UserEntry(string TenantId, string ObjectId, string UserPrincipalName, List<string>? Groups);

    private sealed record ManagedIdentityEntry(string ClientId, string ObjectId, bool SystemAssigned, string? ResourceId, string? TenantId);

    /// <summary>Registers what the file lists; a missing file registers nothing; a bad one stops the start with a message naming it.</summary>
    public static void Load(string path, EmulatorIdentities identities)
    {
        if (!File.Exists(path))
        {
            return;
        }

        try
        {
            var content = JsonSerializer.Deserialize<FileContent>(File.ReadAllBytes(path), EmulatorJson.Options)
                ?? throw new InvalidDataException("The file is empty.");
            var directory = Path.GetDirectoryName(path)!;
            foreach (var sp in content.ServicePrincipals ?? [])
            {
                var certificate = sp.CertificateFile is null ? null : LoadCertificate(Path.Combine(directory, sp.CertificateFile));
                identities.RegisterServicePrincipal(sp.TenantId, sp.ClientId, sp.ObjectId, sp.ClientSecret, certificate);
            }

            foreach (var user in content.Users ?? [])
            {
                identities.RegisterUser(user.TenantId, user.ObjectId, user.UserPrincipalName, user.Groups);
            }

            foreach (var mi in content.ManagedIdentities ?? [])
            {
                identities.RegisterManagedIdentity(mi.ClientId, mi.ObjectId, mi.SystemAssigned, mi.ResourceId, mi.TenantId);
            }

            foreach (var objectId in content.ManagementAccess ?? [])
            {
                identities.GrantManagementAccess(objectId);
            }

            identities.DeviceCodeAutoApproveUser = content.DeviceCodeAutoApproveUser;
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or ArgumentException or IOException or CryptographicException)
        {
            throw new InvalidOperationException($"The identities file '{path}' cannot be used: {e.Message}", e);
        }
    }

    /// <summary>A public certificate file, PEM or DER.</summary>
    private static X509Certificate2 LoadCertificate(string path) =>
        File.ReadAllText(path).TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal)
            ? X509Certificate2.CreateFromPem(File.ReadAllText(path))
            : X509CertificateLoader.LoadCertificateFromFile(path);
}
