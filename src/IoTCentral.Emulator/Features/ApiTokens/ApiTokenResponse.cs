using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;

namespace IoTCentral.Emulator.Features.ApiTokens;

/// <summary>The spec's <c>ApiToken</c>; <see cref="Token"/> only in the create response.</summary>
internal sealed record ApiTokenResponse(string Id, IReadOnlyList<RoleAssignmentResponse> Roles, string Expiry, string? Token)
{
    public static ApiTokenResponse From(ApiTokenRecord token, string? value) =>
        new(token.Id, token.Roles.Select(RoleAssignmentResponse.From).ToList(), EmulatorJson.FormatTimestamp(token.Expiry), value);
}

/// <summary>The spec's <c>RoleAssignment</c>.</summary>
internal sealed record RoleAssignmentResponse(string Role, string? Organization)
{
    public static RoleAssignmentResponse From(RoleAssignmentRecord assignment) => new(assignment.Role, assignment.Organization);
}
