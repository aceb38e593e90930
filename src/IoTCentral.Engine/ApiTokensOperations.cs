using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine.Internal;
using IoTCentral.Engine.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine;

/// <summary>The application's API tokens. The token value exists only in the result of <see cref="CreateAsync"/>.</summary>
public sealed class ApiTokensOperations
{
    private readonly ResourceCollection<ApiToken> _tokens;

    internal ApiTokensOperations(RestClient rest) => _tokens = new ResourceCollection<ApiToken>(rest, "apiTokens", ApiTokenJson.Read);

    public Task<Page<ApiToken>> ListAsync(string? nextLink, CancellationToken ct) => _tokens.ListAsync(nextLink, ct);

    public Task<ApiToken> GetAsync(string id, CancellationToken ct) => _tokens.GetAsync(id, ct);

    /// <summary>Creates a token; the result's Token is the value as a read-only SecureString, shown by the service only this once.</summary>
    public async Task<ApiToken> CreateAsync(string id, IReadOnlyList<RoleAssignment> roles, DateTimeOffset? expiry, CancellationToken ct)
    {
        if (roles is null || roles.Count == 0)
        {
            throw new ArgumentException("An API token needs at least one role.", nameof(roles));
        }

        var token = await _tokens.PutAsync(id, ApiTokenJson.WriteCreate(roles, expiry), ct).ConfigureAwait(false);
        if (token.Token is null)
        {
            // Confirmed by reading it back after a lost answer: the token exists, but its value was only in that answer.
            throw new IoTCentralException(
                409,
                "ApiTokenValueLost",
                $"The API token '{id}' was created, but the service's answer, the only place its value appears, was lost on the way. Remove the token (Remove-IoTCentralApiToken -Id {id}) and create it again.",
                null);
        }

        return token;
    }

    public Task RemoveAsync(string id, CancellationToken ct) => _tokens.RemoveAsync(id, ct);
}
