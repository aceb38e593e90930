using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine.Internal;
using IoTCentral.Engine.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine;

/// <summary>The application's roles (read-only).</summary>
public sealed class RolesOperations
{
    private readonly ResourceCollection<Role> _roles;

    internal RolesOperations(RestClient rest) => _roles = new ResourceCollection<Role>(rest, "roles", RoleJson.ReadRole);

    /// <summary>One page of roles; <paramref name="nextLink"/> null for the first, else the previous page's NextLink.</summary>
    public Task<Page<Role>> ListAsync(string? nextLink, CancellationToken ct) => _roles.ListAsync(nextLink, ct);

    public Task<Role> GetAsync(string id, CancellationToken ct) => _roles.GetAsync(id, ct);
}
