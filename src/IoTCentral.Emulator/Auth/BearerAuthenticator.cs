using IoTCentral.Emulator.Auth.Identity;
using IoTCentral.Emulator.Features.Users;
using IoTCentral.Emulator.State;

namespace IoTCentral.Emulator.Auth;

/// <summary>
/// Authenticates a Microsoft Entra bearer token and maps its identity to the application's users: a service
/// principal or managed identity to the <c>servicePrincipal</c> user with its tenant and object id; a person to the
/// <c>email</c> user with its principal name, and to every <c>adGroup</c> user whose group is in its <c>groups</c>
/// claim. The caller has the union of those users' roles.
/// </summary>
internal sealed class BearerAuthenticator(BearerTokenValidator validator, StateStore store)
{
    public const string Scheme = "Bearer";

    public static bool IsBearer(string authorization) =>
        authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
        && (authorization.Length == Scheme.Length || char.IsWhiteSpace(authorization[Scheme.Length]));

    /// <param name="authorization">The Authorization header value: "Bearer " and the token.</param>
    public CallerIdentity Authenticate(string authorization)
    {
        var principal = validator.Validate(authorization[Scheme.Length..].Trim());
        var users = store.Read(state => state.Users.Values.Where(user => Represents(user, principal)).ToList());
        if (users.Count == 0)
        {
            return new CallerIdentity(principal.Describe(), [], IsApplicationUser: false);
        }

        var names = string.Join("', '", users.Select(u => u.Id).Order(StringComparer.Ordinal));
        var actor = principal.IsApplication
            ? new AuditActor(principal.ObjectId, AuditActor.ServicePrincipal)
            : new AuditActor(principal.UserPrincipalName ?? principal.ObjectId, AuditActor.User);
        return new CallerIdentity($"{principal.Describe()}, user '{names}',", users.SelectMany(u => u.Roles).ToList(), Actor: actor);
    }

    private static bool Represents(UserRecord user, EntraPrincipal principal) => user.Type switch
    {
        UserTypes.ServicePrincipal => principal.IsApplication && SameId(user.TenantId, principal.TenantId) && SameId(user.ObjectId, principal.ObjectId),
        UserTypes.Email => !principal.IsApplication && string.Equals(user.Email, principal.UserPrincipalName, StringComparison.OrdinalIgnoreCase),
        UserTypes.AdGroup => !principal.IsApplication && SameId(user.TenantId, principal.TenantId) && principal.Groups.Any(g => SameId(user.ObjectId, g)),
        _ => false,
    };

    private static bool SameId(string? a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
