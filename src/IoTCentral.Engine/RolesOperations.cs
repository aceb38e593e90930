using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using IoTCentral.Engine.Internal;
using IoTCentral.Engine.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine;

/// <summary>The application's roles (read-only).</summary>
public sealed class RolesOperations
{
    private readonly RestClient _rest;

    internal RolesOperations(RestClient rest) => _rest = rest;

    /// <summary>One page of roles; <paramref name="nextLink"/> null for the first, else the previous page's NextLink.</summary>
    public Task<Page<Role>> ListAsync(string? nextLink, CancellationToken ct) =>
        _rest.ListAsync("roles", nextLink, RoleJson.ReadRole, ct);

    public Task<Role> GetAsync(string id, CancellationToken ct) =>
        _rest.SendJsonAsync(RequestMethod.Get, "roles/" + PathSegment.Escape(id), null, RestClient.JsonContentType, RoleJson.ReadRole, ct);
}
