using System.Globalization;
using System.Text.Json.Nodes;
using IoTCentral.Emulator.Http;

namespace IoTCentral.Emulator.Features.Jobs;

/// <summary>
/// A scheduled job's <c>schedule</c>: a start time, an optional daily/weekly/monthly recurrence, and an optional end
/// after a number of occurrences or on a date (occurrences on the end date still run).
/// </summary>
internal sealed record ScheduleDefinition(DateTimeOffset Start, string? Recurrence, DateOnly? EndDate, int? EndOccurrences)
{
    public const int MaxOccurrences = 999;

    private static readonly string[] Recurrences = ["daily", "weekly", "monthly"];

    /// <summary>The time of occurrence <paramref name="index"/> (0 is the start), or null when the schedule has ended by then.</summary>
    public DateTimeOffset? Occurrence(int index)
    {
        if (index > 0 && Recurrence is null)
        {
            return null;
        }

        if (EndOccurrences is { } count && index >= count)
        {
            return null;
        }

        // Monthly counts from the start each time, so a start on the 31st lands on the last day of shorter months
        // and comes back to the 31st afterwards.
        var at = Recurrence switch
        {
            "daily" => Start.AddDays(index),
            "weekly" => Start.AddDays(7 * index),
            "monthly" => Start.AddMonths(index),
            _ => Start,
        };
        return EndDate is { } end && DateOnly.FromDateTime(at.UtcDateTime) > end ? null : at;
    }

    public JsonObject ToJson()
    {
        var json = new JsonObject();
        if (Recurrence is not null)
        {
            json["recurrence"] = Recurrence;
        }

        json["start"] = EmulatorJson.FormatTimestamp(Start);
        if (EndDate is { } date)
        {
            json["end"] = new JsonObject { ["type"] = "date", ["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        }
        else if (EndOccurrences is { } count)
        {
            json["end"] = new JsonObject { ["type"] = "occurrences", ["occurrences"] = count };
        }

        return json;
    }

    /// <summary>400 naming the member for a schedule the spec does not allow.</summary>
    public static ScheduleDefinition Parse(JsonFields? schedule)
    {
        if (schedule is null)
        {
            throw Invalid("Property 'schedule' is required: an object with 'start' and optionally 'recurrence' and 'end'.");
        }

        var start = schedule.GetDateTime("start") ?? throw Invalid("Property 'schedule.start' is required: the date and time of the first run.");
        var recurrence = schedule.GetString("recurrence");
        if (recurrence is not null && !Recurrences.Contains(recurrence, StringComparer.Ordinal))
        {
            throw Invalid($"Property 'schedule.recurrence' must be one of {string.Join(", ", Recurrences)}, not '{recurrence}'.");
        }

        if (schedule.GetObject("end") is not { } end)
        {
            return new ScheduleDefinition(start, recurrence, null, null);
        }

        switch (end.GetString("type"))
        {
            case "date":
                var text = end.GetString("date") ?? throw Invalid("Property 'schedule.end.date' is required when the end type is 'date'.");
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    throw Invalid($"Property 'schedule.end.date' must be a date (yyyy-MM-dd), not '{text}'.");
                }

                return new ScheduleDefinition(start, recurrence, date, null);
            case "occurrences":
                var occurrences = end.GetNumber("occurrences") ?? throw Invalid("Property 'schedule.end.occurrences' is required when the end type is 'occurrences'.");
                if (occurrences < 1 || occurrences > MaxOccurrences || occurrences != Math.Floor(occurrences))
                {
                    throw Invalid($"Property 'schedule.end.occurrences' must be a whole number from 1 to {MaxOccurrences}, not {occurrences}.");
                }

                return new ScheduleDefinition(start, recurrence, null, (int)occurrences);
            default:
                throw Invalid("Property 'schedule.end.type' must be 'date' or 'occurrences'.");
        }
    }

    private static ApiException Invalid(string message) => ApiException.BadRequest(message, ErrorCodes.InvalidRequestBody);
}
