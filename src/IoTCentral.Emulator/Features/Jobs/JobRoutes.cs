using IoTCentral.Emulator.Auth;
using IoTCentral.Emulator.Features.DataExport;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IoTCentral.Emulator.Features.Jobs;

/// <summary>Jobs_List, _Get, _Create, _GetDevices, _Rerun, _Resume and _Stop.</summary>
internal static class JobRoutes
{
    public static void MapJobRoutes(this IEndpointRouteBuilder api)
    {
        api.MapGet("/jobs", (HttpContext context, JobService jobs, Paging paging) =>
                Json(paging.Page(context, jobs.List(), j => j.Id, JobResponse.From)))
            .RequirePermission(Permission.ReadDevices);

        api.MapGet("/jobs/{jobId}", (string jobId, JobService jobs) => Json(JobResponse.From(jobs.Get(jobId))))
            .RequirePermission(Permission.ReadDevices);

        api.MapPut("/jobs/{jobId}", async (string jobId, HttpContext context, JobService jobs) =>
                Json(JobResponse.From(jobs.Create(jobId, new JsonFields(await JsonBody.ReadObjectAsync(context, JsonBody.Json))))))
            .RequirePermission(Permission.ManageDevices)
            .Audited(AuditedChanges.Job, "jobId", JobName);

        // Device statuses keep the job's device order (by id), which is also the order batches take them in.
        api.MapGet("/jobs/{jobId}/devices", (string jobId, HttpContext context, JobService jobs, Paging paging) =>
                Json(paging.Page(context, jobs.Devices(jobId), d => d.Id, JobResponse.From)))
            .RequirePermission(Permission.ReadDevices);

        api.MapPut("/jobs/{jobId}/rerun/{rerunId}", (string jobId, string rerunId, JobService jobs) =>
                Json(JobResponse.From(jobs.Rerun(jobId, rerunId))))
            .RequirePermission(Permission.ManageDevices)
            .Audited(AuditedChanges.Job, "rerunId", JobName);

        api.MapPost("/jobs/{jobId}/stop", (string jobId, JobService jobs) =>
            {
                jobs.Stop(jobId);
                return Results.NoContent();
            })
            .RequirePermission(Permission.ManageDevices);

        api.MapPost("/jobs/{jobId}/resume", (string jobId, JobService jobs) =>
            {
                jobs.Resume(jobId);
                return Results.NoContent();
            })
            .RequirePermission(Permission.ManageDevices);
    }

    private static string? JobName(EmulatorState state, string id) => AuditedChanges.NameInBody(state.Jobs.GetValueOrDefault(id)?.Definition, id);

    private static IResult Json<T>(T body) => Results.Json(body, EmulatorJson.Options);
}
