using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine.Internal;
using IoTCentral.Engine.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine;

/// <summary>The application's scheduled jobs, and the jobs each one has produced.</summary>
public sealed class ScheduledJobsOperations
{
    private readonly RestClient _rest;
    private readonly ResourceCollection<ScheduledJob> _scheduled;

    internal ScheduledJobsOperations(RestClient rest)
    {
        _rest = rest;
        _scheduled = new ResourceCollection<ScheduledJob>(rest, "scheduledJobs", ScheduledJobJson.Read);
    }

    public Task<Page<ScheduledJob>> ListAsync(string? nextLink, CancellationToken ct) => _scheduled.ListAsync(nextLink, ct);

    public Task<ScheduledJob> GetAsync(string id, CancellationToken ct) => _scheduled.GetAsync(id, ct);

    /// <summary>PUT /scheduledJobs/{id}: group, data and schedule are required.</summary>
    public Task<ScheduledJob> CreateAsync(ScheduledJob job, CancellationToken ct)
    {
        if (job is null)
        {
            throw new ArgumentNullException(nameof(job));
        }

        if (job.Data is null || job.Data.Length == 0)
        {
            throw new ArgumentException("A scheduled job needs at least one data entry.", nameof(job));
        }

        return _scheduled.PutAsync(job.Id, ScheduledJobJson.WriteCreate(job), ct);
    }

    /// <summary>A JSON merge patch (the only media type the spec's ScheduledJobs_Update takes): keys are the JSON names.</summary>
    public Task<ScheduledJob> UpdateAsync(string id, IDictionary<string, object?> changes, CancellationToken ct) => _scheduled.PatchAsync(id, changes, ct);

    public Task RemoveAsync(string id, CancellationToken ct) => _scheduled.RemoveAsync(id, ct);

    /// <summary>One page of the jobs the scheduled job has produced.</summary>
    public Task<Page<Job>> ListJobsAsync(string id, string? nextLink, CancellationToken ct) =>
        _rest.ListAsync(_scheduled.PathOf(id) + "/jobs", nextLink, JobJson.Read, ct);

    /// <summary>The schedule as a merge-patch value: the end member not used is removed, so a date end replaces an occurrence end.</summary>
    public static IDictionary<string, object?> SchedulePatch(DateTimeOffset? start, string? recurrence, DateTime? endDate, int? endOccurrences)
    {
        var patch = new Dictionary<string, object?>();
        if (start is { } at)
        {
            patch["start"] = JsonValues.FormatDate(at);
        }

        if (recurrence != null)
        {
            patch["recurrence"] = recurrence;
        }

        if (endDate != null || endOccurrences != null)
        {
            var whole = ScheduledJobJson.WriteSchedule(new JobSchedule { EndDate = endDate, EndOccurrences = endOccurrences });
            var end = (Dictionary<string, object?>)whole["end"]!;
            end[endDate != null ? "occurrences" : "date"] = null;
            patch["end"] = end;
        }

        return patch;
    }
}
