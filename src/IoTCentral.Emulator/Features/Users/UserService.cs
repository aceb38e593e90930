using IoTCentral.Emulator.Auth.Scope;
using System.Text.Json.Nodes;
using IoTCentral.Emulator.Features.Organizations;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;

namespace IoTCentral.Emulator.Features.Users;

/// <summary>Users_* against the <see cref="StateStore"/>: one user per identity, so a token maps to one user.</summary>
internal sealed class UserService(StateStore store)
{
    /// <summary>Up to <paramref name="count"/> users after the id <paramref name="after"/>, in id order (a page).</summary>
    public IReadOnlyList<UserRecord> List(string? after, int count) => store.Read(s => s.Users.After(after, count));

    public UserRecord Get(string userId) => store.Read(s => s.Users.GetValueOrDefault(userId)) ?? throw NotFound(userId);

    /// <summary>PUT: creates the user or replaces it (the spec's examples "add or update").</summary>
    public UserRecord CreateOrReplace(string userId, JsonFields body)
    {
        if (!UserBody.IsValidId(userId))
        {
            throw ApiException.BadRequest(
                $"The user id '{userId}' is not valid: use 1 to {UserBody.MaxIdLength} letters, digits, '-' or '_'.", ErrorCodes.InvalidId);
        }

        var user = UserBody.Parse(userId, body);
        return store.Write(state => Save(state, user));
    }

    /// <summary>PATCH: a JSON merge-patch of the user's current representation, validated like a PUT body.</summary>
    public UserRecord Update(string userId, JsonObject patch) => store.Write(state =>
    {
        var current = state.Users.GetValueOrDefault(userId) ?? throw NotFound(userId);
        var merged = JsonMergePatch.Apply(UserResponse.From(current), patch) as JsonObject ?? new JsonObject();
        return Save(state, UserBody.Parse(userId, new JsonFields(merged)));
    });

    public void Remove(string userId)
    {
        if (!store.Write(s => s.Users.Remove(userId)))
        {
            throw NotFound(userId);
        }
    }

    private static UserRecord Save(EmulatorState state, UserRecord user)
    {
        OrganizationService.RequireExisting(state, user.Roles.Select(r => r.Organization), "roles[].organization");
        OrganizationScope.Current.RequireAssignable(user.Roles);
        var duplicate = state.Users.Values.FirstOrDefault(other => other.Id != user.Id && SameIdentity(other, user));
        if (duplicate is not null)
        {
            throw ApiException.Conflict($"The user '{duplicate.Id}' already has this identity; update that user instead.", ErrorCodes.UserExists);
        }

        return state.Users[user.Id] = user;
    }

    private static bool SameIdentity(UserRecord a, UserRecord b) =>
        a.Type == b.Type && (a.Type == UserTypes.Email
            ? string.Equals(a.Email, b.Email, StringComparison.OrdinalIgnoreCase)
            : a.TenantId == b.TenantId && a.ObjectId == b.ObjectId);

    private static ApiException NotFound(string userId) =>
        ApiException.NotFound($"The user '{userId}' does not exist.", ErrorCodes.UserNotFound);
}
