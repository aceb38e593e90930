using System.Text.Json.Nodes;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;

namespace IoTCentral.Emulator.Features.Jobs;

/// <summary>A job as the spec's <c>Job</c>: its definition, start and end, status and progress.</summary>
internal static class JobResponse
{
    public static JsonObject From(JobRecord job)
    {
        var body = new JsonObject { ["id"] = job.Id };
        foreach (var (name, value) in JsonNode.Parse(job.Definition)!.AsObject())
        {
            body[name] = value?.DeepClone();
        }

        body["start"] = EmulatorJson.FormatTimestamp(job.Start);
        if (job.End is { } end)
        {
            body["end"] = EmulatorJson.FormatTimestamp(end);
        }

        body["progress"] = new JsonObject
        {
            ["total"] = job.Devices.Count,
            ["pending"] = job.Devices.Count(d => d.Status == JobStatus.Pending),
            ["completed"] = job.Devices.Count(d => d.Status == JobStatus.Completed),
            ["failed"] = job.Devices.Count(d => d.Status == JobStatus.Failed),
        };
        body["status"] = job.Status;
        return body;
    }

    public static JsonObject From(JobDeviceRecord device) => new() { ["id"] = device.Id, ["status"] = device.Status };
}
