namespace IoTCentral.Emulator.Features.Query.Syntax;

/// <summary>
/// <c>WITHIN_WINDOW(P1D)</c>: the last day up to the server's clock; or <c>WITHIN_WINDOW('2021-06-13T13:00:00Z/2021-06-13T15:30:00Z')</c>:
/// a fixed range. Exactly one of <see cref="Duration"/> and <see cref="Range"/> is set.
/// </summary>
internal sealed record WithinWindowCondition(IsoDuration? Duration, TimeRange? Range, int Position) : Condition(Position)
{
    public TimeRange RangeAt(DateTimeOffset now) =>
        Range ?? new TimeRange(
            Duration!.Before(now) ?? throw new QueryException(
                $"The time window '{Duration.Text}' at position {Position} reaches back before the calendar's start."),
            now);
}
