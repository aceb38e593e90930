using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine.Internal;
using IoTCentral.Engine.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine;

/// <summary>The application's users: email users, service principals and Microsoft Entra groups.</summary>
public sealed class UsersOperations : CollectionOperations<User>
{
    internal UsersOperations(RestClient rest)
        : base(new ResourceCollection<User>(rest, "users", UserJson.Read))
    {
    }

    /// <summary>Users_List, at most <paramref name="maxPageSize"/> per page (the preview's maxpagesize; null: the GA list).</summary>
    public Task<Page<User>> ListAsync(int? maxPageSize, string? nextLink, CancellationToken ct) => Collection.ListAsync(ListOptions.PageSize(maxPageSize), nextLink, ct);

    /// <summary>
    /// PUT /users/{id}: adds the user, or replaces the one with that id. The body carries <see cref="User.Type"/>, the
    /// members of that type (Email, or TenantId and ObjectId) and at least one role.
    /// </summary>
    public Task<User> CreateAsync(User user, CancellationToken ct)
    {
        if (user is null)
        {
            throw new ArgumentNullException(nameof(user));
        }

        if (user.Roles is null || user.Roles.Length == 0)
        {
            throw new ArgumentException("A user needs at least one role.", nameof(user));
        }

        return Collection.PutAsync(user.Id, UserJson.WriteCreate(user), ct);
    }

    // UpdateAsync (inherited) takes the JSON names email and roles; a roles value replaces the whole list and may hold
    // RoleAssignment objects.
}
