using IoTCentral.Emulator.Auth.Scope;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using IoTCentral.Emulator.Auth;
using IoTCentral.Emulator.Features.Organizations;
using IoTCentral.Emulator.Features.Roles;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;

namespace IoTCentral.Emulator.Features.ApiTokens;

/// <summary>Creates API tokens: validates the id and body, stores the token, and signs its value once.</summary>
internal sealed partial class ApiTokenService(StateStore store, EmulatorSettings settings)
{
    /// <summary>Expiry of a token created without <c>expiry</c>.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(365);

    [GeneratedRegex("^[a-zA-Z0-9_-]{1,40}$")]
    private static partial Regex TokenIdPattern();

    public ApiTokenResponse Create(string tokenId, JsonFields body)
    {
        if (!TokenIdPattern().IsMatch(tokenId))
        {
            throw ApiException.BadRequest(
                $"The API token id '{tokenId}' is not valid: use 1 to 40 letters, digits, '-' or '_'.", ErrorCodes.InvalidId);
        }

        var roles = RoleAssignments.Parse(body);
        var now = settings.Clock.GetUtcNow();
        var expiry = TruncateToMilliseconds(body.GetDateTime("expiry") ?? now + DefaultLifetime);
        if (expiry <= now)
        {
            throw ApiException.BadRequest($"Property 'expiry' must be in the future; got {EmulatorJson.FormatTimestamp(expiry)}.",
                ErrorCodes.InvalidRequestBody);
        }

        var token = new ApiTokenRecord(tokenId, roles, expiry, Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)));
        var application = store.Write(state =>
        {
            if (tokenId == DevelopmentApplication.AdminTokenId || state.ApiTokens.ContainsKey(tokenId))
            {
                throw ApiException.Conflict(
                    tokenId == DevelopmentApplication.AdminTokenId
                        ? $"The API token id '{tokenId}' is reserved for the emulator's built-in development admin token."
                        : $"An API token with id '{tokenId}' already exists; remove it first to create a new one.",
                    ErrorCodes.ApiTokenExists);
            }

            OrganizationService.RequireExisting(state, roles.Select(r => r.Organization), "roles[].organization");
            OrganizationScope.Current.RequireAssignable(roles);
            state.ApiTokens.Add(tokenId, token);
            return state.Application;
        });

        var value = SharedAccessSignature.Create(application.Id, tokenId, expiry, application.SigningKeyBytes, token.Nonce);
        return ApiTokenResponse.From(token, value);
    }

    private static DateTimeOffset TruncateToMilliseconds(DateTimeOffset value) =>
        DateTimeOffset.FromUnixTimeMilliseconds(value.ToUnixTimeMilliseconds());
}

/// <summary>Parses the spec's <c>Permission.roles</c>: at least one assignment, each naming an existing role.</summary>
internal static class RoleAssignments
{
    public static IReadOnlyList<RoleAssignmentRecord> Parse(JsonFields body)
    {
        var items = body.GetObjectArray("roles");
        if (items is null || items.Count == 0)
        {
            throw ApiException.BadRequest("Property 'roles' is required and must contain at least one role assignment.",
                ErrorCodes.InvalidRequestBody);
        }

        return items.Select((item, i) =>
        {
            var roleId = item.GetString("role")
                ?? throw ApiException.BadRequest($"Property 'roles[{i}].role' is required.", ErrorCodes.InvalidRequestBody);
            var role = BuiltInRoles.Find(roleId)
                ?? throw ApiException.BadRequest($"Property 'roles[{i}].role': the role '{roleId}' does not exist.", ErrorCodes.InvalidRequestBody);
            var organization = item.GetString("organization");
            if (organization is { Length: 0 })
            {
                throw ApiException.BadRequest($"Property 'roles[{i}].organization' must not be empty.", ErrorCodes.InvalidRequestBody);
            }

            return new RoleAssignmentRecord(role.Id, organization);
        }).ToList();
    }
}
