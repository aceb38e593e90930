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
    public const string Organization = "organization";
    public const string DeviceGroup = "deviceGroup";
    public const string EnrollmentGroup = "enrollmentGroup";
    public const string Job = "job";
    public const string ScheduledJob = "scheduledJob";
    public const string Dashboard = "dashboard";
    public const string DeploymentManifest = "deploymentManifest";
    public const string Destination = "destination";
    public const string Export = "export";
    public const string FileUpload = "fileUpload";

    /// <param name="route">A PUT, PATCH or DELETE route of one entity.</param>
    /// <param name="resourceType">The audit message's <c>resource.type</c>.</param>
    /// <param name="idParameter">The route value that holds the entity's id.</param>
    /// <param name="displayName">The entity's display name in the state (its id when it has none); null when it does not exist.</param>
    public static RouteHandlerBuilder Audited(this RouteHandlerBuilder route, string resourceType, string idParameter,
        Func<EmulatorState, string, string?> displayName) =>
        route.WithAudit(resourceType, http => (string)http.Request.RouteValues[idParameter]!, displayName);

    /// <summary>The routes of an entity the application has at most one of, which no route value names.</summary>
    /// <param name="route">A PUT, PATCH or DELETE route of the entity.</param>
    /// <param name="resourceType">The audit message's <c>resource.type</c>.</param>
    /// <param name="id">The id its audit messages give it.</param>
    /// <param name="displayName">The entity's display name in the state (its id when it has none); null when it does not exist.</param>
    public static RouteHandlerBuilder Audited(this RouteHandlerBuilder route, string resourceType, string id,
        Func<EmulatorState, string?> displayName) =>
        route.WithAudit(resourceType, _ => id, (state, _) => displayName(state));

    /// <summary>
    /// The display name of an entity stored as its JSON body (the body's <c>displayName</c>, else <paramref name="id"/>);
    /// null when <paramref name="body"/> is (the entity does not exist).
    /// </summary>
    public static string? NameInBody(string? body, string id) =>
        body is null ? null : JsonNode.Parse(body)?["displayName"] is JsonValue name && name.TryGetValue(out string? text) ? text : id;

    private static RouteHandlerBuilder WithAudit(this RouteHandlerBuilder route, string resourceType, Func<HttpContext, string> idOf,
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
            var id = idOf(http);
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
