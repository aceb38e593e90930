using IoTCentral.Emulator.Auth.Scope;
using System.Text.RegularExpressions;
using IoTCentral.Emulator.Features.DeviceGroups;
using IoTCentral.Emulator.Features.Organizations;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;

namespace IoTCentral.Emulator.Features.Jobs;

/// <summary>
/// Jobs_* against the <see cref="StateStore"/>, and the run of every job. A job takes the devices its group selects
/// when it is created and runs them batch by batch, one batch every <see cref="BatchInterval"/> of the emulator's
/// clock, starting one interval after creation (so a fake clock in tests decides when each batch runs). Jobs advance
/// whenever they are read and on a background tick (<see cref="JobTicker"/>).
/// </summary>
internal sealed partial class JobService(StateStore store, DeviceGroupService groups, JobRunner runner, EmulatorSettings settings)
{
    public static readonly TimeSpan BatchInterval = TimeSpan.FromSeconds(1);

    private readonly Lock _advancing = new();

    [GeneratedRegex("^[a-zA-Z0-9_-]{1,255}$")]
    private static partial Regex IdPattern();

    public IReadOnlyList<JobRecord> List()
    {
        Advance();
        return store.Read(s => s.Jobs.Values.ToList());
    }

    public JobRecord Get(string id)
    {
        Advance();
        return store.Read(s => s.Jobs.GetValueOrDefault(id)) ?? throw NotFound(id);
    }

    /// <summary>PUT: starts a new job; an existing id is 409 (a job is never replaced).</summary>
    public JobRecord Create(string id, JsonFields body)
    {
        CheckId(id);
        var definition = JobDefinition.Parse(body);
        IReadOnlyList<DeviceRecord> members;
        try
        {
            members = groups.Devices(definition.Group);
        }
        catch (ApiException e) when (e.StatusCode == 404)
        {
            throw ApiException.BadRequest($"Property 'group': the device group '{definition.Group}' does not exist.", ErrorCodes.DeviceGroupNotFound);
        }

        if (members.Count == 0)
        {
            throw ApiException.BadRequest($"The device group '{definition.Group}' has no devices, so the job would do nothing.", ErrorCodes.JobHasNoDevices);
        }

        return Start(id, definition, members.Select(d => d.Id).ToList());
    }

    /// <summary>
    /// A job that a scheduled job produces at one of its occurrences: the scheduled job's definition over the devices
    /// its group selects now (an empty group gives a job that completes with nothing to do), marked with
    /// <c>scheduledJobId</c> and named after the scheduled job and the occurrence ("nightly - 3"), as the service's
    /// produced jobs are. Null when the group no longer exists: that occurrence produces nothing.
    /// </summary>
    public JobRecord? StartScheduled(string scheduledJobId, int occurrence, JobDefinition definition)
    {
        IReadOnlyList<DeviceRecord> members;
        try
        {
            members = groups.Devices(definition.Group);
        }
        catch (ApiException e) when (e.StatusCode == 404)
        {
            return null;
        }

        definition.Body["displayName"] = $"{definition.Body["displayName"]?.GetValue<string>() ?? scheduledJobId} - {occurrence}";
        definition.Body["scheduledJobId"] = scheduledJobId;
        return Start(Guid.NewGuid().ToString(), definition, members.Select(d => d.Id).ToList());
    }

    /// <summary>Jobs_Rerun: a new job, <paramref name="rerunId"/>, with the same definition over the devices that failed.</summary>
    public JobRecord Rerun(string id, string rerunId)
    {
        CheckId(rerunId);
        var original = Get(id);
        var failed = original.Devices.Where(d => d.Status == JobStatus.Failed).Select(d => d.Id).ToList();
        if (failed.Count == 0)
        {
            throw ApiException.Conflict($"The job '{id}' has no failed devices to run again.", ErrorCodes.JobHasNoFailedDevices);
        }

        return Start(rerunId, JobDefinition.FromStored(original.Definition), failed);
    }

    public IReadOnlyList<JobDeviceRecord> Devices(string id) => Get(id).Devices;

    /// <summary>Jobs_Stop: a running job stops before its next batch; its pending devices stay pending.</summary>
    public void Stop(string id) => Change(id, JobStatus.Running, ErrorCodes.JobNotRunning, "is not running", job => job with { Status = JobStatus.Stopped });

    /// <summary>Jobs_Resume: a stopped job runs its next batch one interval from now.</summary>
    public void Resume(string id) => Change(id, JobStatus.Stopped, ErrorCodes.JobNotStopped, "is not stopped",
        job => job with { Status = JobStatus.Running, NextBatchAt = settings.Clock.GetUtcNow() + BatchInterval });

    /// <summary>Runs every batch whose time has come, in order, job by job.</summary>
    public void Advance()
    {
        lock (_advancing)
        {
            var now = settings.Clock.GetUtcNow();
            var due = store.Read(s => s.Jobs.Values.Where(j => IsDue(j, now)).Select(j => j.Id).ToList());
            foreach (var id in due)
            {
                while (store.Read(s => s.Jobs.GetValueOrDefault(id)) is { } job && IsDue(job, now))
                {
                    RunBatch(job);
                }
            }
        }
    }

    private static bool IsDue(JobRecord job, DateTimeOffset now) => job.Status == JobStatus.Running && job.NextBatchAt <= now;

    private void RunBatch(JobRecord job)
    {
        var definition = JobDefinition.FromStored(job.Definition);
        var results = job.Devices
            .Where(d => d.Batch == job.NextBatch && d.Status == JobStatus.Pending)
            .ToDictionary(d => d.Id, d => runner.Run(d.Id, definition.Actions) ? JobStatus.Completed : JobStatus.Failed, StringComparer.Ordinal);

        store.Write(state =>
        {
            // Re-read: the job may have been stopped while the batch ran; the batch's results stand either way.
            var current = state.Jobs[job.Id];
            var devices = current.Devices.Select(d => results.TryGetValue(d.Id, out var status) ? d with { Status = status } : d).ToList();
            var at = current.NextBatchAt;
            var updated = current with { Devices = devices, NextBatch = current.NextBatch + 1, NextBatchAt = at + BatchInterval };
            if (ThresholdReached(definition, devices, current.NextBatch))
            {
                updated = updated with { Status = JobStatus.Cancelled, End = at };
            }
            else if (devices.All(d => d.Status != JobStatus.Pending))
            {
                updated = updated with { Status = devices.Any(d => d.Status == JobStatus.Failed) ? JobStatus.Failed : JobStatus.Completed, End = at };
            }

            return state.Jobs[job.Id] = updated;
        });
    }

    /// <summary>The cancellation threshold counts failures of the whole job, or of this batch when it is per batch.</summary>
    private static bool ThresholdReached(JobDefinition definition, IReadOnlyList<JobDeviceRecord> devices, int batch)
    {
        if (definition.Threshold is not { } threshold)
        {
            return false;
        }

        var counted = threshold.PerBatch ? devices.Where(d => d.Batch == batch).ToList() : devices;
        return counted.Count(d => d.Status == JobStatus.Failed) >= threshold.Of(counted.Count);
    }

    private JobRecord Start(string id, JobDefinition definition, IReadOnlyList<string> deviceIds)
    {
        var size = definition.Batch?.Of(deviceIds.Count) ?? deviceIds.Count;
        var devices = deviceIds.OrderBy(d => d, StringComparer.Ordinal)
            .Select((d, i) => new JobDeviceRecord(d, JobStatus.Pending, i / size))
            .ToList();
        var now = settings.Clock.GetUtcNow();
        var job = new JobRecord(id, definition.ToStored(), now, null, JobStatus.Running, devices, 0, now + BatchInterval);
        return store.Write(state =>
        {
            if (state.Jobs.ContainsKey(id))
            {
                throw ApiException.Conflict($"A job with id '{id}' already exists; jobs are not replaced, use another id.", ErrorCodes.JobExists);
            }

            OrganizationService.RequireExisting(state, definition.Organizations, "organizations");
            OrganizationScope.Current.RequirePlaced(definition.Organizations, "organizations");
            return state.Jobs[id] = job;
        });
    }

    private void Change(string id, string from, string code, string problem, Func<JobRecord, JobRecord> change)
    {
        Advance();
        store.Write(state =>
        {
            var job = state.Jobs.GetValueOrDefault(id) ?? throw NotFound(id);
            if (job.Status != from)
            {
                throw ApiException.Conflict($"The job '{id}' {problem} (its status is '{job.Status}').", code);
            }

            return state.Jobs[id] = change(job);
        });
    }

    private static void CheckId(string id)
    {
        if (!IdPattern().IsMatch(id))
        {
            throw ApiException.BadRequest($"The job id '{id}' is not valid: use 1 to 255 letters, digits, '-' or '_'.", ErrorCodes.InvalidId);
        }
    }

    private static ApiException NotFound(string id) => ApiException.NotFound($"The job '{id}' does not exist.", ErrorCodes.JobNotFound);
}
