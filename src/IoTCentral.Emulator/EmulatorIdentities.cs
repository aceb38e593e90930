using System.Security.Cryptography.X509Certificates;
using IoTCentral.Emulator.Auth.Identity;

namespace IoTCentral.Emulator;

/// <summary>
/// The emulator's Microsoft Entra directory: the service principals, users and managed identities its token service
/// and managed-identity endpoint issue tokens for. Registering an identity lets it sign in; to call the application
/// it must also be a user of the application (<c>PUT /api/users/{userId}</c>). Thread-safe.
/// </summary>
public sealed class EmulatorIdentities
{
    /// <summary>The tenant of managed identities registered without one.</summary>
    public const string DefaultTenantId = "4a2481f7-0000-4000-8000-00000000e1d0";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, ServicePrincipalRegistration> _servicePrincipals = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, UserRegistration> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ManagedIdentityRegistration> _managedIdentities = [];
    private readonly HashSet<string> _managementAccess = new(StringComparer.OrdinalIgnoreCase);

    internal EmulatorIdentities(TimeProvider clock) => DeviceCodes = new DeviceCodeGrants(clock);

    /// <summary>
    /// When set to a registered user's principal name, every new device-code sign-in is approved at once as that user
    /// (for unattended tests and scripts); otherwise a sign-in waits for <see cref="CompleteDeviceCode"/> or the
    /// emulator's <c>/devicelogin</c> page.
    /// </summary>
    public string? DeviceCodeAutoApproveUser { get; set; }

    internal DeviceCodeGrants DeviceCodes { get; }

    /// <summary>
    /// Registers (or replaces, by client id) an app registration that signs in with a secret and/or a certificate; of
    /// <paramref name="certificate"/> only the public key is used (the client signs its assertions with the private key).
    /// </summary>
    public void RegisterServicePrincipal(string tenantId, string clientId, string objectId, string? clientSecret = null, X509Certificate2? certificate = null)
    {
        if (clientSecret is null && certificate is null)
        {
            throw new ArgumentException("A service principal needs a client secret, a certificate, or both.", nameof(clientSecret));
        }

        var registration = new ServicePrincipalRegistration(
            Id(tenantId, nameof(tenantId)), Required(clientId, nameof(clientId)), Id(objectId, nameof(objectId)), clientSecret,
            certificate is null ? null : X509CertificateLoader.LoadCertificate(certificate.RawData));
        lock (_gate)
        {
            _servicePrincipals[registration.ClientId] = registration;
        }
    }

    /// <summary>
    /// Registers (or replaces, by principal name) a user who can sign in with the device-code flow;
    /// <paramref name="groupObjectIds"/> are the groups the user belongs to (the token's <c>groups</c> claim).
    /// </summary>
    public void RegisterUser(string tenantId, string objectId, string userPrincipalName, IEnumerable<string>? groupObjectIds = null)
    {
        var registration = new UserRegistration(Id(tenantId, nameof(tenantId)), Id(objectId, nameof(objectId)),
            Required(userPrincipalName, nameof(userPrincipalName)), (groupObjectIds ?? []).Select(g => Id(g, nameof(groupObjectIds))).ToList());
        lock (_gate)
        {
            _users[registration.UserPrincipalName] = registration;
        }
    }

    /// <summary>
    /// Registers (or replaces, by client id) a managed identity. A system-assigned one answers requests without
    /// <c>client_id</c>, <c>mi_res_id</c> or <c>object_id</c>; registering another system-assigned one replaces it.
    /// </summary>
    public void RegisterManagedIdentity(string clientId, string objectId, bool systemAssigned = false, string? resourceId = null, string? tenantId = null)
    {
        var registration = new ManagedIdentityRegistration(Id(tenantId ?? DefaultTenantId, nameof(tenantId)), Required(clientId, nameof(clientId)),
            Id(objectId, nameof(objectId)), resourceId, systemAssigned);
        lock (_gate)
        {
            _managedIdentities.RemoveAll(m => string.Equals(m.ClientId, registration.ClientId, StringComparison.OrdinalIgnoreCase)
                || (systemAssigned && m.SystemAssigned));
            _managedIdentities.Add(registration);
        }
    }

    /// <summary>
    /// Lets the identity with this object id manage applications through the management endpoint (as an Owner of the
    /// development subscription would); identities without it are refused there with 403 AuthorizationFailed.
    /// </summary>
    public void GrantManagementAccess(string objectId)
    {
        var id = Id(objectId, nameof(objectId));
        lock (_gate)
        {
            _managementAccess.Add(id);
        }
    }

    /// <summary>Takes back what <see cref="GrantManagementAccess"/> gave.</summary>
    public void RevokeManagementAccess(string objectId)
    {
        var id = Id(objectId, nameof(objectId));
        lock (_gate)
        {
            _managementAccess.Remove(id);
        }
    }

    internal bool HasManagementAccess(string objectId)
    {
        lock (_gate)
        {
            return _managementAccess.Contains(objectId);
        }
    }

    /// <summary>
    /// Approves a pending device-code sign-in (the <c>user_code</c> the client showed) as a registered user, as a person
    /// would in a browser; the client's next poll gets the tokens.
    /// </summary>
    /// <exception cref="ArgumentException">The user is not registered, or no sign-in with that code is pending.</exception>
    public void CompleteDeviceCode(string userCode, string userPrincipalName)
    {
        var user = FindUser(userPrincipalName)
            ?? throw new ArgumentException($"No user '{userPrincipalName}' is registered; call RegisterUser first.", nameof(userPrincipalName));
        if (!DeviceCodes.Approve(Required(userCode, nameof(userCode)), user))
        {
            throw new ArgumentException($"No device-code sign-in with the code '{userCode}' is pending (unknown, expired or already redeemed).", nameof(userCode));
        }
    }

    internal DeviceCodeGrant BeginDeviceCode(string clientId, string tenant, RequestedScope scope)
    {
        var grant = DeviceCodes.Begin(clientId, tenant, scope);
        if (DeviceCodeAutoApproveUser is { } upn)
        {
            CompleteDeviceCode(grant.UserCode, upn);
        }

        return grant;
    }

    internal ServicePrincipalRegistration? FindServicePrincipal(string clientId)
    {
        lock (_gate)
        {
            return _servicePrincipals.GetValueOrDefault(clientId);
        }
    }

    internal UserRegistration? FindUser(string userPrincipalName)
    {
        lock (_gate)
        {
            return _users.GetValueOrDefault(userPrincipalName.Trim());
        }
    }

    /// <summary>By client id, resource id or object id (whichever is given), else the system-assigned identity.</summary>
    internal ManagedIdentityRegistration? FindManagedIdentity(string? clientId, string? resourceId, string? objectId)
    {
        lock (_gate)
        {
            return (clientId, resourceId, objectId) switch
            {
                ({ } id, _, _) => _managedIdentities.FirstOrDefault(m => string.Equals(m.ClientId, id, StringComparison.OrdinalIgnoreCase)),
                (_, { } id, _) => _managedIdentities.FirstOrDefault(m => string.Equals(m.ResourceId, id, StringComparison.OrdinalIgnoreCase)),
                (_, _, { } id) => _managedIdentities.FirstOrDefault(m => string.Equals(m.ObjectId, id, StringComparison.OrdinalIgnoreCase)),
                _ => _managedIdentities.FirstOrDefault(m => m.SystemAssigned),
            };
        }
    }

    /// <summary>Microsoft Entra ids are GUIDs; they are kept in the lower-case "D" form so tokens and app users compare.</summary>
    private static string Id(string value, string name) =>
        Guid.TryParse(value, out var id) ? id.ToString("D") : throw new ArgumentException($"'{value}' is not a GUID.", name);

    private static string Required(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("A value is required.", name) : value.Trim();
}
