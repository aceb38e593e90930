using IoTCentral.Emulator.Auth;
using IoTCentral.Emulator.Features.DataExport;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IoTCentral.Emulator.Features.Users;

/// <summary>Users_List, Users_Get, Users_Create, Users_Update and Users_Remove.</summary>
internal static class UserRoutes
{
    public static void MapUserRoutes(this IEndpointRouteBuilder api)
    {
        api.MapGet("/users", (HttpContext context, UserService users, Paging paging) =>
                Json(paging.Page(context, users.List, u => u.Id, UserResponse.From)))
            .RequirePermission(Permission.ReadUsers);

        api.MapGet("/users/{userId}", (string userId, UserService users) => Json(UserResponse.From(users.Get(userId))))
            .RequirePermission(Permission.ReadUsers);

        api.MapPut("/users/{userId}", async (string userId, HttpContext context, UserService users) =>
                Json(UserResponse.From(users.CreateOrReplace(userId, new JsonFields(await JsonBody.ReadObjectAsync(context, JsonBody.Json))))))
            .RequirePermission(Permission.ManageUsers)
            .Audited(AuditedChanges.User, "userId", UserName);

        api.MapPatch("/users/{userId}", async (string userId, HttpContext context, UserService users) =>
                Json(UserResponse.From(users.Update(userId, await JsonBody.ReadObjectAsync(context, JsonBody.Json, JsonBody.MergePatchJson)))))
            .RequirePermission(Permission.ManageUsers)
            .Audited(AuditedChanges.User, "userId", UserName);

        api.MapDelete("/users/{userId}", (string userId, UserService users) =>
            {
                users.Remove(userId);
                return Results.NoContent();
            })
            .RequirePermission(Permission.ManageUsers)
            .Audited(AuditedChanges.User, "userId", UserName);
    }

    /// <summary>Users have no display name: an email user by its email, others by id.</summary>
    private static string? UserName(EmulatorState state, string id) => state.Users.GetValueOrDefault(id) is { } user ? user.Email ?? user.Id : null;

    private static IResult Json<T>(T body) => Results.Json(body, EmulatorJson.Options);
}
