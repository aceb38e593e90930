using IoTCentral.Emulator.State;
using Microsoft.AspNetCore.Http;

namespace IoTCentral.Emulator.Auth;

/// <summary>
/// The authenticated caller of a request, however it authenticated (API token or Microsoft Entra bearer token):
/// a description for messages and its role assignments, which <see cref="PermissionTable"/> judges the same way
/// for both. A bearer token of an identity that is not a user of the application is authenticated but
/// <see cref="IsApplicationUser"/> false: it may do nothing (403 after routing, so unknown paths stay 404).
/// <see cref="Description"/> starts a sentence, e.g. "The API token 'op'". <see cref="Actor"/> names it in audit
/// log export messages.
/// </summary>
internal sealed record CallerIdentity(string Description, IReadOnlyList<RoleAssignmentRecord> Roles, bool IsApplicationUser = true, AuditActor? Actor = null)
{
    public static CallerIdentity ForApiToken(string tokenId, IReadOnlyList<RoleAssignmentRecord> roles) =>
        new($"The API token '{tokenId}'", roles, Actor: new AuditActor(tokenId, AuditActor.ApiToken));

    public static CallerIdentity? Of(HttpContext context) => context.Features.Get<CallerIdentity>();
}
