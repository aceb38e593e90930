using System.Collections.Generic;
using System.Text.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine.Json;

internal static class JobJson
{
    public static Job Read(JsonElement element)
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

        return new Job
        {
            Id = element.GetString("id") ?? string.Empty,
            DisplayName = element.GetString("displayName"),
            Description = element.GetString("description"),
            Group = element.GetString("group") ?? string.Empty,
            Batch = element.GetObject("batch") is { } batch
                ? new JobBatch(GetDouble(batch, "value"), batch.GetString("type") == "percentage")
                : null,
            CancellationThreshold = element.GetObject("cancellationThreshold") is { } threshold
                ? new JobCancellationThreshold(GetDouble(threshold, "value"), threshold.GetString("type") == "percentage", threshold.GetBoolean("batch") ?? false)
                : null,
            Data = data.ToArray(),
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
    }

    public static JobDeviceStatus ReadDevice(string jobId, JsonElement element) =>
        new(jobId, element.GetString("id") ?? string.Empty, element.GetString("status"));

    /// <summary>The create body: what the caller set; data values are CLR trees (dictionaries, lists, scalars).</summary>
    public static byte[] WriteCreate(Job job)
    {
        var body = new Dictionary<string, object?>();
        if (!string.IsNullOrEmpty(job.DisplayName))
        {
            body["displayName"] = job.DisplayName;
        }

        if (!string.IsNullOrEmpty(job.Description))
        {
            body["description"] = job.Description;
        }

        body["group"] = job.Group;
        if (job.Batch != null)
        {
            body["batch"] = new Dictionary<string, object?> { ["type"] = Kind(job.Batch.Percentage), ["value"] = job.Batch.Value };
        }

        if (job.CancellationThreshold is { } threshold)
        {
            body["cancellationThreshold"] = new Dictionary<string, object?>
            {
                ["type"] = Kind(threshold.Percentage), ["value"] = threshold.Value, ["batch"] = threshold.PerBatch,
            };
        }

        var data = new List<object?>();
        foreach (var item in job.Data)
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
        if (job.Organizations is { Length: > 0 })
        {
            body["organizations"] = job.Organizations;
        }

        return JsonTreeWriter.ToUtf8(body);
    }

    private static string Kind(bool percentage) => percentage ? "percentage" : "number";

    private static double GetDouble(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : 0;
}
