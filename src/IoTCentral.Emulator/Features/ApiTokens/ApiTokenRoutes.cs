using IoTCentral.Emulator.Auth;
using IoTCentral.Emulator.Features.DataExport;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IoTCentral.Emulator.Features.ApiTokens;

/// <summary>ApiTokens_List, ApiTokens_Get, ApiTokens_Create and ApiTokens_Remove.</summary>
internal static class ApiTokenRoutes
{
    public static void MapApiTokenRoutes(this IEndpointRouteBuilder api)
    {
        api.MapGet("/apiTokens", (HttpContext context, StateStore store, Paging paging) =>
                Json(paging.Page(context, (after, count) => store.Read(s => s.ApiTokens.After(after, count)), t => t.Id, t => ApiTokenResponse.From(t, null))))
            .RequirePermission(Permission.ReadApiTokens);

        api.MapGet("/apiTokens/{tokenId}", (string tokenId, StateStore store) =>
                Json(ApiTokenResponse.From(store.Read(s => s.ApiTokens.GetValueOrDefault(tokenId)) ?? throw NotFound(tokenId), null)))
            .RequirePermission(Permission.ReadApiTokens);

        api.MapPut("/apiTokens/{tokenId}", async (string tokenId, HttpContext context, ApiTokenService tokens) =>
                Json(tokens.Create(tokenId, new JsonFields(await JsonBody.ReadObjectAsync(context, JsonBody.Json)))))
            .RequirePermission(Permission.ManageApiTokens)
            .Audited(AuditedChanges.ApiToken, "tokenId", (state, id) => state.ApiTokens.ContainsKey(id) ? id : null);

        api.MapDelete("/apiTokens/{tokenId}", (string tokenId, StateStore store) =>
                store.Write(s => s.ApiTokens.Remove(tokenId)) ? Results.NoContent() : throw NotFound(tokenId))
            .RequirePermission(Permission.ManageApiTokens)
            .Audited(AuditedChanges.ApiToken, "tokenId", (state, id) => state.ApiTokens.ContainsKey(id) ? id : null);
    }

    private static IResult Json<T>(T body) => Results.Json(body, EmulatorJson.Options);

    private static ApiException NotFound(string tokenId) =>
        ApiException.NotFound($"The API token '{tokenId}' does not exist.", ErrorCodes.ApiTokenNotFound);
}
