namespace IoTCentral.Emulator.Features.Query.Evaluation;

/// <summary>
/// Where GROUP BY WINDOW's windows start: at whole multiples of the window length counted from 0001-01-01T00:00Z, so
/// windows that divide a day start at midnight UTC and its even subdivisions (10:00, 10:10, ...), and P1W starts on Mondays.
/// </summary>
internal static class TimeBuckets
{
    public static DateTimeOffset StartOf(DateTimeOffset instant, TimeSpan length)
    {
        var ticks = instant.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % length.Ticks), TimeSpan.Zero);
    }
}
