using IoTCentral.Emulator.Auth;
using IoTCentral.Emulator.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IoTCentral.Emulator.Features.Query;

/// <summary>Query_Run: <c>POST /query</c>, in api-version 2022-10-31-preview only.</summary>
internal static class QueryRoutes
{
    private sealed record QueryResponse(IReadOnlyList<System.Text.Json.Nodes.JsonObject> Results);

    public static void MapQueryRoutes(this IEndpointRouteBuilder api)
    {
        // Every role may query: it reads device data, which every built-in role may read (see PermissionTable).
        api.MapPost("/query", async (HttpContext context, EmulatorSettings settings) =>
            {
                ApiVersions.RequirePreview(context, "query API");
                var body = new JsonFields(await JsonBody.ReadObjectAsync(context, JsonBody.Json));
                var query = body.GetString("query")
                    ?? throw ApiException.BadRequest("Property 'query' is required.", ErrorCodes.InvalidRequestBody);
                var source = context.RequestServices.GetService<IQuerySource>() ?? EmptyQuerySource.Instance;
                try
                {
                    var results = QueryEngine.Run(query, source, settings.Clock.GetUtcNow());
                    return Results.Json(new QueryResponse(results), EmulatorJson.Options);
                }
                catch (QueryException e)
                {
                    throw ApiException.BadRequest(e.Message, QueryException.ErrorCode);
                }
            })
            .RequirePermission(Permission.ReadDevices);
    }
}
