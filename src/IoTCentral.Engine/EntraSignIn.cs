using System;
using System.Security;
using System.Security.Cryptography.X509Certificates;

namespace IoTCentral.Engine;

/// <summary>How a session obtains Microsoft Entra tokens.</summary>
public enum EntraSignInKind
{
    ManagedIdentity,
    ClientSecret,
    ClientCertificate,
    DeviceCode,
    Interactive,
    DefaultChain,
}

/// <summary>
/// A description of a Microsoft Entra sign-in in plain BCL types, so the cmdlet assembly can ask for one without
/// touching Azure.Identity, whose copy lives in the engine's private load context.
/// </summary>
public sealed class EntraSignIn
{
    private EntraSignIn(EntraSignInKind kind)
    {
        Kind = kind;
    }

    public EntraSignInKind Kind { get; }

    public string? TenantId { get; private set; }

    public string? ClientId { get; private set; }

    public string? ResourceId { get; private set; }

    public string? ObjectId { get; private set; }

    public SecureString? ClientSecret { get; private set; }

    public X509Certificate2? Certificate { get; private set; }

    /// <summary>Sovereign clouds and test token services; null means Azure's public cloud.</summary>
    public Uri? AuthorityHost { get; set; }

    /// <summary>System-assigned when all ids are null; otherwise the user-assigned identity with that one id.</summary>
    public static EntraSignIn ManagedIdentity(string? clientId = null, string? resourceId = null, string? objectId = null)
    {
        var given = (clientId is null ? 0 : 1) + (resourceId is null ? 0 : 1) + (objectId is null ? 0 : 1);
        if (given > 1)
        {
            throw new ArgumentException("Give at most one of the managed identity's client id, resource id or object id.");
        }

        return new EntraSignIn(EntraSignInKind.ManagedIdentity) { ClientId = clientId, ResourceId = resourceId, ObjectId = objectId };
    }

    public static EntraSignIn ServicePrincipalSecret(string tenantId, string clientId, SecureString clientSecret) =>
        new(EntraSignInKind.ClientSecret)
        {
            TenantId = Required(tenantId, nameof(tenantId)),
            ClientId = Required(clientId, nameof(clientId)),
            ClientSecret = clientSecret is { Length: > 0 } ? clientSecret : throw new ArgumentException("The client secret is empty.", nameof(clientSecret)),
        };

    public static EntraSignIn ServicePrincipalCertificate(string tenantId, string clientId, X509Certificate2 certificate) =>
        new(EntraSignInKind.ClientCertificate)
        {
            TenantId = Required(tenantId, nameof(tenantId)),
            ClientId = Required(clientId, nameof(clientId)),
            Certificate = certificate is { HasPrivateKey: true }
                ? certificate
                : throw new ArgumentException("The certificate has no private key; a service principal signs its sign-in with it.", nameof(certificate)),
        };

    /// <summary>
    /// A person signs in with a device code. The message with the code ("To sign in, open ... and enter the code ...")
    /// goes as a warning to the request log of the call that needs the token (see <see cref="RequestLog"/>): the
    /// sign-in at first, and any later command whose token can only be renewed by signing in again. With no log in
    /// scope nobody would see the code, so that sign-in fails at once instead of waiting for it to expire.
    /// </summary>
    public static EntraSignIn DeviceCode(string? tenantId, string? clientId) =>
        new(EntraSignInKind.DeviceCode) { TenantId = tenantId, ClientId = clientId };

    public static EntraSignIn Interactive(string? tenantId, string? clientId) =>
        new(EntraSignInKind.Interactive) { TenantId = tenantId, ClientId = clientId };

    /// <summary>The non-interactive chain: environment, workload identity, managed identity, Azure CLI, Azure PowerShell.</summary>
    public static EntraSignIn DefaultChain(string? tenantId = null) => new(EntraSignInKind.DefaultChain) { TenantId = tenantId };

    private static string Required(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException(name + " is required.", name) : value;
}
