using System.Text.Json.Nodes;
using IoTCentral.Emulator.Auth;
using IoTCentral.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace IoTCentral.Emulator.Features.DataExport;

/// <summary>
/// Audit log export messages for the REST routes that create, change or delete one entity. The entity is looked up
/// before and after the request: absent then present is <c>created</c>, present then absent <c>deleted</c>, present
/// both times <c>updated</c>; a request that fails changes nothing and is not audited.
/// </summary>
internal static class AuditedChanges
{
    public const string Device = "device";
    public const string DeviceTemplate = "deviceTemplate";
    public const string User = "user";
    public const string ApiToken = "apiToken";

    /// <param name="route">A PUT, PATCH or DELETE route of one entity.</param>
    /// <param name="resourceType">The audit message's <c>resource.type</c>.</param>
    /// <param name="idParameter">The route value that holds the entity's id.</param>
    /// <param name="displayName">The entity's display name in the state (its id when it has none); null when it does not exist.</param>
    public static RouteHandlerBuilder Audited(this RouteHandlerBuilder route, string resourceType, string idParameter,
        Func<EmulatorState, string, string?> displayName) =>
        route.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var exports = http.RequestServices.GetRequiredService<ExportPublisher>();
            if (!exports.Wanted(ExportSources.Audit))
            {
                return await next(context);
            }

            var store = http.RequestServices.GetRequiredService<StateStore>();
            var id = (string)http.Request.RouteValues[idParameter]!;
            var before = store.Read(s => displayName(s, id));
            var result = await next(context);
            var after = store.Read(s => displayName(s, id));
            var messageType = (before, after) switch
            {
                (null, not null) => ExportMessageTypes.Created,
                (not null, null) => ExportMessageTypes.Deleted,
                (not null, not null) => ExportMessageTypes.Updated,
                _ => null,
            };
            if (messageType is not null)
            {
                var resource = new JsonObject { ["displayName"] = after ?? before, ["id"] = id, ["type"] = resourceType };
                exports.Audit(CallerIdentity.Of(http)?.Actor, resource, resourceType == Device ? id : null, messageType);
            }

            return result;
        });
}
