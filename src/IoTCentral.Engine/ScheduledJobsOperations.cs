using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine.Internal;
using IoTCentral.Engine.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine;

/// <summary>The application's scheduled jobs, and the jobs each one has produced.</summary>
public sealed class ScheduledJobsOperations : CollectionOperations<ScheduledJob>
{
    private readonly RestClient _rest;

    internal ScheduledJobsOperations(RestClient rest)
        : base(new ResourceCollection<ScheduledJob>(rest, "scheduledJobs", ScheduledJobJson.Read))
        => _rest = rest;

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

        return Collection.PutAsync(job.Id, ScheduledJobJson.WriteCreate(job), ct);
    }

    /// <summary>One page of the jobs the scheduled job has produced.</summary>
    public Task<Page<Job>> ListJobsAsync(string id, string? nextLink, CancellationToken ct) =>
        ListJobsAsync(id, null, nextLink, ct);

    /// <summary>As above, at most <paramref name="maxPageSize"/> per page (the preview's maxpagesize; null: the GA list).</summary>
    public Task<Page<Job>> ListJobsAsync(string id, int? maxPageSize, string? nextLink, CancellationToken ct) =>
        _rest.ListAsync(Collection.PathOf(id) + "/jobs", null, ListOptions.PageSize(maxPageSize), nextLink, JobJson.Read, ct);

    /// <summary>ScheduledJobs_List, at most <paramref name="maxPageSize"/> per page (the preview's maxpagesize; null: the GA list).</summary>
    public Task<Page<ScheduledJob>> ListAsync(int? maxPageSize, string? nextLink, CancellationToken ct) => Collection.ListAsync(ListOptions.PageSize(maxPageSize), nextLink, ct);

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
