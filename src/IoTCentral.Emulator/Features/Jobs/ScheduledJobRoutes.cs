using IoTCentral.Emulator.Auth;
using IoTCentral.Emulator.Features.DataExport;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IoTCentral.Emulator.Features.Jobs;

/// <summary>ScheduledJobs_List, _Get, _Create, _Update, _Remove and _ListJobs.</summary>
internal static class ScheduledJobRoutes
{
    public static void MapScheduledJobRoutes(this IEndpointRouteBuilder api)
    {
        api.MapGet("/scheduledJobs", (HttpContext context, ScheduledJobService scheduled, Paging paging) =>
                Json(paging.Page(context, scheduled.List(), j => j.Id, ScheduledJobService.Response)))
            .RequirePermission(Permission.ReadDevices);

        api.MapGet("/scheduledJobs/{scheduledJobId}", (string scheduledJobId, ScheduledJobService scheduled) =>
                Json(ScheduledJobService.Response(scheduled.Get(scheduledJobId))))
            .RequirePermission(Permission.ReadDevices);

        api.MapPut("/scheduledJobs/{scheduledJobId}", async (string scheduledJobId, HttpContext context, ScheduledJobService scheduled) =>
            {
                var body = new JsonFields(await JsonBody.ReadObjectAsync(context, JsonBody.Json));
                return Json(ScheduledJobService.Response(scheduled.CreateOrReplace(scheduledJobId, body, context.Request.Headers.IfMatch)));
            })
            .RequirePermission(Permission.ManageDevices)
            .Audited(AuditedChanges.ScheduledJob, "scheduledJobId", ScheduledJobName);

        // The spec's ScheduledJobs_Update consumes only application/merge-patch+json.
        api.MapPatch("/scheduledJobs/{scheduledJobId}", async (string scheduledJobId, HttpContext context, ScheduledJobService scheduled) =>
                Json(ScheduledJobService.Response(scheduled.Update(
                    scheduledJobId, await JsonBody.ReadObjectAsync(context, JsonBody.MergePatchJson), context.Request.Headers.IfMatch))))
            .RequirePermission(Permission.ManageDevices)
            .Audited(AuditedChanges.ScheduledJob, "scheduledJobId", ScheduledJobName);

        api.MapDelete("/scheduledJobs/{scheduledJobId}", (string scheduledJobId, ScheduledJobService scheduled) =>
            {
                scheduled.Remove(scheduledJobId);
                return Results.NoContent();
            })
            .RequirePermission(Permission.ManageDevices)
            .Audited(AuditedChanges.ScheduledJob, "scheduledJobId", ScheduledJobName);

        api.MapGet("/scheduledJobs/{scheduledJobId}/jobs", (string scheduledJobId, HttpContext context, ScheduledJobService scheduled, Paging paging) =>
                Json(paging.Page(context, scheduled.Jobs(scheduledJobId), j => j.Id, JobResponse.From)))
            .RequirePermission(Permission.ReadDevices);
    }

    private static string? ScheduledJobName(EmulatorState state, string id) => AuditedChanges.NameInBody(state.ScheduledJobs.GetValueOrDefault(id)?.Body, id);

    private static IResult Json<T>(T body) => Results.Json(body, EmulatorJson.Options);
}
