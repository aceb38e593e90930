using IoTCentral.Emulator.State;
using Microsoft.AspNetCore.Http;

namespace IoTCentral.Emulator.Auth;

/// <summary>The authenticated caller of a request: which API token, with which role assignments.</summary>
internal sealed record CallerIdentity(string TokenId, IReadOnlyList<RoleAssignmentRecord> Roles)
{
    public static CallerIdentity? Of(HttpContext context) => context.Features.Get<CallerIdentity>();
}
