using System;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using IoTCentral.Engine.Internal;
using IoTCentral.Engine.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine;

/// <summary>The application's jobs: start, read, stop, resume, rerun, and each device's status.</summary>
public sealed class JobsOperations
{
    private readonly RestClient _rest;
    private readonly ResourceCollection<Job> _jobs;

    internal JobsOperations(RestClient rest)
    {
        _rest = rest;
        _jobs = new ResourceCollection<Job>(rest, "jobs", JobJson.Read);
    }

    public Task<Page<Job>> ListAsync(string? nextLink, CancellationToken ct) => _jobs.ListAsync(nextLink, ct);

    /// <summary>As above, at most <paramref name="maxPageSize"/> per page (the preview's maxpagesize; null: the GA list).</summary>
    public Task<Page<Job>> ListAsync(int? maxPageSize, string? nextLink, CancellationToken ct) => _jobs.ListAsync(ListOptions.PageSize(maxPageSize), nextLink, ct);

    public Task<Job> GetAsync(string id, CancellationToken ct) => _jobs.GetAsync(id, ct);

    /// <summary>PUT /jobs/{id}: starts the job on its group's devices.</summary>
    public Task<Job> CreateAsync(Job job, CancellationToken ct)
    {
        if (job is null)
        {
            throw new ArgumentNullException(nameof(job));
        }

        if (job.Data is null || job.Data.Length == 0)
        {
            throw new ArgumentException("A job needs at least one data entry.", nameof(job));
        }

        return _jobs.PutAsync(job.Id, JobJson.WriteCreate(job), ct);
    }

    /// <summary>One page of the devices' statuses in the job.</summary>
    public Task<Page<JobDeviceStatus>> ListDevicesAsync(string id, string? nextLink, CancellationToken ct) =>
        _rest.ListAsync(_jobs.PathOf(id) + "/devices", nextLink, item => JobJson.ReadDevice(id, item), ct);

    /// <summary>PUT /jobs/{id}/rerun/{rerunId}: a new job, <paramref name="rerunId"/>, over the devices that failed.</summary>
    public Task<Job> RerunAsync(string id, string rerunId, CancellationToken ct) =>
        _rest.SendJsonAsync(RequestMethod.Put, _jobs.PathOf(id) + "/rerun/" + PathSegment.Escape(rerunId), null, RestClient.JsonContentType, JobJson.Read, ct);

    public Task StopAsync(string id, CancellationToken ct) => PostAsync(id, "/stop", ct);

    public Task ResumeAsync(string id, CancellationToken ct) => PostAsync(id, "/resume", ct);

    private Task PostAsync(string id, string action, CancellationToken ct) =>
        _rest.SendAsync(RequestMethod.Post, _jobs.PathOf(id) + action, null, RestClient.JsonContentType, null, null, ct);
}
