using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine.Json;

internal static class ScheduledJobJson
{
    public static ScheduledJob Read(JsonElement element)
    {
        var schedule = new JobSchedule();
        if (element.GetObject("schedule") is { } s)
        {
            schedule.Start = s.GetDate("start") ?? default;
            schedule.Recurrence = s.GetString("recurrence");
            if (s.GetObject("end") is { } end)
            {
                if (end.GetString("date") is { } date
                    && DateTime.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    schedule.EndDate = day;
                }

                schedule.EndOccurrences = end.GetInt32("occurrences");
            }
        }

        return new ScheduledJob
        {
            Id = element.GetString("id") ?? string.Empty,
            ETag = element.GetString("etag"),
            DisplayName = element.GetString("displayName"),
            Description = element.GetString("description"),
            Group = element.GetString("group") ?? string.Empty,
            Batch = JobJson.ReadBatch(element),
            CancellationThreshold = JobJson.ReadThreshold(element),
            Data = JobJson.ReadData(element),
            Organizations = DeviceGroupJson.ReadStrings(element, "organizations"),
            Schedule = schedule,
            Enabled = element.GetBoolean("enabled") ?? true,
            Completed = element.GetBoolean("completed") ?? false,
        };
    }

    public static byte[] WriteCreate(ScheduledJob job)
    {
        var body = new Dictionary<string, object?>();
        JobJson.WriteDefinition(body, job.DisplayName, job.Description, job.Group, job.Batch, job.CancellationThreshold, job.Data, job.Organizations);
        body["schedule"] = WriteSchedule(job.Schedule);
        body["enabled"] = job.Enabled;
        return JsonTreeWriter.ToUtf8(body);
    }

    /// <summary>The schedule as the spec's JobSchedule (a dictionary tree, also used inside a merge-patch).</summary>
    public static Dictionary<string, object?> WriteSchedule(JobSchedule schedule)
    {
        var json = new Dictionary<string, object?> { ["start"] = JsonValues.FormatDate(schedule.Start) };
        if (schedule.Recurrence != null)
        {
            json["recurrence"] = schedule.Recurrence;
        }

        if (schedule.EndDate is { } date)
        {
            json["end"] = new Dictionary<string, object?> { ["type"] = "date", ["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        }
        else if (schedule.EndOccurrences is { } count)
        {
            json["end"] = new Dictionary<string, object?> { ["type"] = "occurrences", ["occurrences"] = count };
        }

        return json;
    }
}
