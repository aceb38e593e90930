using System.Collections.Generic;
using System.Text.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine.Json;

internal static class JobJson
{
    public static Job Read(JsonElement element) => new()
    {
        Id = element.GetString("id") ?? string.Empty,
        DisplayName = element.GetString("displayName"),
        Description = element.GetString("description"),
        Group = element.GetString("group") ?? string.Empty,
        Batch = ReadBatch(element),
        CancellationThreshold = ReadThreshold(element),
        Data = ReadData(element),
        Start = element.GetDate("start"),
        End = element.GetDate("end"),
        Status = element.GetString("status"),
        Progress = element.GetObject("progress") is { } progress
            ? new JobProgress
            {
                Total = progress.GetInt32("total") ?? 0,
                Pending = progress.GetInt32("pending") ?? 0,
                Completed = progress.GetInt32("completed") ?? 0,
                Failed = progress.GetInt32("failed") ?? 0,
            }
            : null,
        Organizations = DeviceGroupJson.ReadStrings(element, "organizations"),
        ScheduledJobId = element.GetString("scheduledJobId"),
    };

    public static JobData[] ReadData(JsonElement element)
    {
        var data = new List<JobData>();
        if (element.GetArray("data") is { } array)
        {
            foreach (var item in array.EnumerateArray())
            {
                data.Add(new JobData
                {
                    Type = item.GetString("type") ?? string.Empty,
                    Target = item.GetString("target"),
                    Path = item.GetString("path"),
                    Value = item.GetTree("value"),
                    Template = item.GetString("template"),
                });
            }
        }

        return data.ToArray();
    }

    public static JobBatch? ReadBatch(JsonElement element) =>
        element.GetObject("batch") is { } batch ? new JobBatch(GetDouble(batch, "value"), batch.GetString("type") == "percentage") : null;

    public static JobCancellationThreshold? ReadThreshold(JsonElement element) =>
        element.GetObject("cancellationThreshold") is { } threshold
            ? new JobCancellationThreshold(GetDouble(threshold, "value"), threshold.GetString("type") == "percentage", threshold.GetBoolean("batch") ?? false)
            : null;

    public static JobDeviceStatus ReadDevice(string jobId, JsonElement element) =>
        new(jobId, element.GetString("id") ?? string.Empty, element.GetString("status"));

    /// <summary>The create body: what the caller set; data values are CLR trees (dictionaries, lists, scalars).</summary>
    public static byte[] WriteCreate(Job job)
    {
        var body = new Dictionary<string, object?>();
        WriteDefinition(body, job.DisplayName, job.Description, job.Group, job.Batch, job.CancellationThreshold, job.Data, job.Organizations);
        return JsonTreeWriter.ToUtf8(body);
    }

    /// <summary>The members a job and a scheduled job share: names, group, batch, threshold, data, organizations.</summary>
    public static void WriteDefinition(
        Dictionary<string, object?> body, string? displayName, string? description, string group, JobBatch? batch,
        JobCancellationThreshold? cancellationThreshold, JobData[] jobData, string[]? organizations)
    {
        if (!string.IsNullOrEmpty(displayName))
        {
            body["displayName"] = displayName;
        }

        if (!string.IsNullOrEmpty(description))
        {
            body["description"] = description;
        }

        body["group"] = group;
        if (batch != null)
        {
            body["batch"] = new Dictionary<string, object?> { ["type"] = Kind(batch.Percentage), ["value"] = batch.Value };
        }

        if (cancellationThreshold is { } threshold)
        {
            body["cancellationThreshold"] = new Dictionary<string, object?>
            {
                ["type"] = Kind(threshold.Percentage), ["value"] = threshold.Value, ["batch"] = threshold.PerBatch,
            };
        }

        var data = new List<object?>();
        foreach (var item in jobData)
        {
            var entry = new Dictionary<string, object?> { ["type"] = item.Type };
            if (item.Template != null)
            {
                entry["template"] = item.Template;
            }

            if (item.Target != null)
            {
                entry["target"] = item.Target;
            }

            if (item.Path != null)
            {
                entry["path"] = item.Path;
            }

            if (item.Value != null)
            {
                entry["value"] = item.Value;
            }

            data.Add(entry);
        }

        body["data"] = data;
        if (organizations is { Length: > 0 })
        {
            body["organizations"] = organizations;
        }
    }

    private static string Kind(bool percentage) => percentage ? "percentage" : "number";

    private static double GetDouble(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : 0;
}
