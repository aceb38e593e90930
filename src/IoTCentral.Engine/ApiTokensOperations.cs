using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using IoTCentral.Engine.Internal;
using IoTCentral.Engine.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine;

/// <summary>The application's API tokens. The token value exists only in the result of <see cref="CreateAsync"/>.</summary>
public sealed class ApiTokensOperations
{
    private readonly RestClient _rest;

    internal ApiTokensOperations(RestClient rest) => _rest = rest;

    public Task<Page<ApiToken>> ListAsync(string? nextLink, CancellationToken ct) =>
        _rest.ListAsync("apiTokens", nextLink, ApiTokenJson.Read, ct);

    public Task<ApiToken> GetAsync(string id, CancellationToken ct) =>
        _rest.SendJsonAsync(RequestMethod.Get, PathOf(id), null, RestClient.JsonContentType, ApiTokenJson.Read, ct);

    /// <summary>Creates a token; the result's Token is the value as a read-only SecureString, shown by the service only this once.</summary>
    public Task<ApiToken> CreateAsync(string id, IReadOnlyList<RoleAssignment> roles, DateTimeOffset? expiry, CancellationToken ct)
    {
        if (roles is null || roles.Count == 0)
        {
            throw new ArgumentException("An API token needs at least one role.", nameof(roles));
        }

        return _rest.SendJsonAsync(RequestMethod.Put, PathOf(id), ApiTokenJson.WriteCreate(roles, expiry), RestClient.JsonContentType, ApiTokenJson.Read, ct);
    }

    public Task RemoveAsync(string id, CancellationToken ct) =>
        _rest.SendAsync(RequestMethod.Delete, PathOf(id), null, RestClient.JsonContentType, null, null, ct);

    private static string PathOf(string id) => "apiTokens/" + PathSegment.Escape(id);
}
