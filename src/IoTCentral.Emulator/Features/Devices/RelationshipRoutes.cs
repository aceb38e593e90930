using IoTCentral.Emulator.Auth;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IoTCentral.Emulator.Features.Devices;

/// <summary>
/// Devices_ListRelationships, Devices_GetRelationship, Devices_CreateRelationship, Devices_UpdateRelationship and
/// Devices_RemoveRelationship. The GA spec's update consumes only application/merge-patch+json; the preview also
/// takes application/json, so both are accepted.
/// </summary>
internal static class RelationshipRoutes
{
    private const string ItemPath = "/devices/{deviceId}/relationships/{relationshipId}";

    public static void MapRelationshipRoutes(this IEndpointRouteBuilder api)
    {
        api.MapGet("/devices/{deviceId}/relationships", (string deviceId, HttpContext context, RelationshipService relationships, Paging paging) =>
            {
                var all = relationships.List(deviceId);
                return Json(paging.Page(context, all, r => r.Id, r => RelationshipResponse.From(deviceId, r)));
            })
            .RequirePermission(Permission.ReadDevices);

        api.MapGet(ItemPath, (string deviceId, string relationshipId, RelationshipService relationships) =>
                Json(RelationshipResponse.From(deviceId, relationships.Get(deviceId, relationshipId))))
            .RequirePermission(Permission.ReadDevices);

        api.MapPut(ItemPath, async (string deviceId, string relationshipId, HttpContext context, RelationshipService relationships) =>
            {
                var body = new JsonFields(await JsonBody.ReadObjectAsync(context, JsonBody.Json));
                return Json(RelationshipResponse.From(deviceId, await relationships.CreateOrReplaceAsync(deviceId, relationshipId, body)));
            })
            .RequirePermission(Permission.ManageDevices);

        api.MapPatch(ItemPath, async (string deviceId, string relationshipId, HttpContext context, RelationshipService relationships) =>
            {
                var body = new JsonFields(await JsonBody.ReadObjectAsync(context, JsonBody.Json, JsonBody.MergePatchJson));
                return Json(RelationshipResponse.From(deviceId, await relationships.UpdateAsync(deviceId, relationshipId, body)));
            })
            .RequirePermission(Permission.ManageDevices);

        api.MapDelete(ItemPath, async (string deviceId, string relationshipId, RelationshipService relationships) =>
            {
                await relationships.RemoveAsync(deviceId, relationshipId);
                return Results.NoContent();
            })
            .RequirePermission(Permission.ManageDevices);
    }

    private static IResult Json<T>(T body) => Results.Json(body, EmulatorJson.Options);
}

/// <summary>The spec's <c>DeviceRelationship</c>.</summary>
internal sealed record RelationshipResponse(string Id, string Source, string Target)
{
    public static RelationshipResponse From(string source, RelationshipRecord relationship) => new(relationship.Id, source, relationship.Target);
}
