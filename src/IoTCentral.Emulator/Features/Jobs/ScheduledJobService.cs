using IoTCentral.Emulator.Auth.Scope;
using System.Text.Json.Nodes;
using IoTCentral.Emulator.Features.Organizations;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;
using Microsoft.Extensions.Primitives;

namespace IoTCentral.Emulator.Features.Jobs;

/// <summary>
/// ScheduledJobs_* against the <see cref="StateStore"/>, and the jobs they produce. When the emulator's clock passes
/// an occurrence of an enabled scheduled job, a job with the scheduled job's definition starts (and then runs like
/// any job). If the clock passes several occurrences at once (a fake clock moved ahead, an emulator that was
/// stopped), only the latest produces a job; the ones skipped still count toward an end by occurrences. A disabled
/// scheduled job skips its occurrences the same way. When no occurrence is left, the scheduled job is completed.
/// </summary>
internal sealed class ScheduledJobService(StateStore store, JobService jobs, DeviceGroups.DeviceGroupService groups, EmulatorSettings settings)
{
    private readonly Lock _advancing = new();

    public IReadOnlyList<ScheduledJobRecord> List()
    {
        Advance();
        return store.Read(s => s.ScheduledJobs.Values.ToList());
    }

    public ScheduledJobRecord Get(string id)
    {
        Advance();
        return store.Read(s => s.ScheduledJobs.GetValueOrDefault(id)) ?? throw NotFound(id);
    }

    /// <summary>PUT: creates the scheduled job or replaces it (an etag in the body or If-Match must then match); a replaced schedule starts counting again.</summary>
    public ScheduledJobRecord CreateOrReplace(string id, JsonFields body, StringValues ifMatch)
    {
        if (!DeviceGroups.DeviceGroupService.IsValidId(id))
        {
            throw ApiException.BadRequest($"The scheduled job id '{id}' is not valid: use 1 to 255 letters, digits, '-' or '_'.", ErrorCodes.InvalidId);
        }

        var (json, definition, _) = Parse(body);
        RequireGroup(definition.Group);
        var record = new ScheduledJobRecord(id, Etags.New(), json.ToJsonString(), 0, false);
        return store.Write(state =>
        {
            if (state.ScheduledJobs.TryGetValue(id, out var current))
            {
                Etags.Check(current.Etag, body.GetString("etag"), ifMatch, "scheduled job");
            }

            OrganizationService.RequireExisting(state, definition.Organizations, "organizations");
            OrganizationScope.Current.RequirePlaced(definition.Organizations, "organizations");
            return state.ScheduledJobs[id] = record;
        });
    }

    /// <summary>PATCH: a merge-patch of the current definition, validated like a PUT body; occurrences already past stay counted.</summary>
    public ScheduledJobRecord Update(string id, JsonObject patch, StringValues ifMatch)
    {
        Advance();
        var current = store.Read(s => s.ScheduledJobs.GetValueOrDefault(id)) ?? throw NotFound(id);
        Etags.Check(current.Etag, new JsonFields(patch).GetString("etag"), ifMatch, "scheduled job");
        patch.Remove("etag");
        var merged = JsonMergePatch.Apply(JsonNode.Parse(current.Body), patch) as JsonObject ?? new JsonObject();
        var (json, definition, schedule) = Parse(new JsonFields(merged));
        RequireGroup(definition.Group);
        return store.Write(state =>
        {
            var latest = state.ScheduledJobs.GetValueOrDefault(id) ?? throw NotFound(id);
            Etags.Check(latest.Etag, current.Etag, default, "scheduled job");
            OrganizationService.RequireExisting(state, definition.Organizations, "organizations");
            OrganizationScope.Current.RequirePlaced(definition.Organizations, "organizations");
            return state.ScheduledJobs[id] = latest with { Etag = Etags.New(), Body = json.ToJsonString(), Completed = schedule.Occurrence(latest.Runs) is null };
        });
    }

    /// <summary>Removes the scheduled job; the jobs it produced stay.</summary>
    public void Remove(string id)
    {
        if (!store.Write(s => s.ScheduledJobs.Remove(id)))
        {
            throw NotFound(id);
        }
    }

    /// <summary>ScheduledJobs_ListJobs: the jobs this scheduled job has produced.</summary>
    public IReadOnlyList<JobRecord> Jobs(string id)
    {
        Get(id);
        return jobs.List().Where(j => ScheduledJobIdOf(j) == id).ToList();
    }

    public static JsonObject Response(ScheduledJobRecord record)
    {
        var body = new JsonObject { ["id"] = record.Id, ["etag"] = record.Etag };
        foreach (var (name, value) in JsonNode.Parse(record.Body)!.AsObject())
        {
            body[name] = value?.DeepClone();
        }

        body["completed"] = record.Completed;
        return body;
    }

    /// <summary>Starts the job of every occurrence whose time has come.</summary>
    public void Advance()
    {
        lock (_advancing)
        {
            var now = settings.Clock.GetUtcNow();
            foreach (var record in store.Read(s => s.ScheduledJobs.Values.Where(j => !j.Completed).ToList()))
            {
                var body = JsonNode.Parse(record.Body)!.AsObject();
                var schedule = ScheduleDefinition.Parse(new JsonFields(body["schedule"]!.AsObject()));
                var runs = record.Runs;
                while (schedule.Occurrence(runs) is { } at && at <= now)
                {
                    runs++;
                }

                if (runs == record.Runs)
                {
                    continue;
                }

                var completed = schedule.Occurrence(runs) is null;
                var changed = store.Write(state =>
                {
                    // Changed or removed meanwhile: its next advance decides with the new definition.
                    if (state.ScheduledJobs.GetValueOrDefault(record.Id) is not { } latest || latest.Etag != record.Etag || latest.Runs != record.Runs)
                    {
                        return false;
                    }

                    state.ScheduledJobs[record.Id] = latest with { Runs = runs, Completed = completed };
                    return true;
                });
                if (changed && (bool?)body["enabled"] != false)
                {
                    jobs.StartScheduled(record.Id, runs, JobDefinition.Parse(new JsonFields(body)));
                }
            }
        }
    }

    private static string? ScheduledJobIdOf(JobRecord job) =>
        JsonNode.Parse(job.Definition)?["scheduledJobId"]?.GetValue<string>();

    /// <summary>The normalized body (job members, schedule, enabled), its job definition and its schedule.</summary>
    private static (JsonObject Json, JobDefinition Definition, ScheduleDefinition Schedule) Parse(JsonFields body)
    {
        var definition = JobDefinition.Parse(body);
        var schedule = ScheduleDefinition.Parse(body.GetObject("schedule"));
        var json = definition.Body.DeepClone().AsObject();
        json["schedule"] = schedule.ToJson();
        json["enabled"] = body.GetBoolean("enabled") ?? true;
        return (json, definition, schedule);
    }

    private void RequireGroup(string group)
    {
        try
        {
            groups.Get(group);
        }
        catch (ApiException e) when (e.StatusCode == 404)
        {
            throw ApiException.BadRequest($"Property 'group': the device group '{group}' does not exist.", ErrorCodes.DeviceGroupNotFound);
        }
    }

    private static ApiException NotFound(string id) =>
        ApiException.NotFound($"The scheduled job '{id}' does not exist.", ErrorCodes.ScheduledJobNotFound);
}
