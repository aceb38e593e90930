using System.Globalization;
using System.Text.RegularExpressions;

namespace IoTCentral.Emulator.Features.Query;

/// <summary>
/// An ISO 8601 duration as WITHIN_WINDOW and GROUP BY WINDOW take it: <c>P[nY][nM][nW][nD][T[nH][nM][nS]]</c>
/// (seconds may have a fraction). Years and months keep their calendar meaning, so "the last P1M" ends a calendar
/// month back; a window of GROUP BY needs a fixed length and so rejects them.
/// </summary>
internal sealed partial record IsoDuration(int Years, int Months, int Weeks, int Days, int Hours, int Minutes, decimal Seconds)
{
    public string Text { get; private init; } = "";

    public bool IsFixedLength => Years == 0 && Months == 0;

    public static IsoDuration? TryParse(string text)
    {
        var match = Pattern().Match(text.ToUpperInvariant());
        if (!match.Success || text.EndsWith('T') || text.EndsWith('t') || text.Length < 3)
        {
            return null;
        }

        try
        {
            return new IsoDuration(
                Whole(match, "y"), Whole(match, "mo"), Whole(match, "w"), Whole(match, "d"), Whole(match, "h"), Whole(match, "mi"),
                match.Groups["s"].Success ? decimal.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture) : 0m) { Text = text };
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>The length of a duration without years or months; null when it does not fit a TimeSpan.</summary>
    public TimeSpan? FixedLength()
    {
        try
        {
            var ticks = checked((((Weeks * 7L + Days) * 24 + Hours) * 60 + Minutes) * TimeSpan.TicksPerMinute
                + (long)(Seconds * TimeSpan.TicksPerSecond));
            return TimeSpan.FromTicks(ticks);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>The instant this duration before <paramref name="end"/>; null when it falls outside the calendar.</summary>
    public DateTimeOffset? Before(DateTimeOffset end)
    {
        var fixedPart = this with { Years = 0, Months = 0 };
        try
        {
            var length = fixedPart.FixedLength();
            return length is null ? null : end.AddYears(-Years).AddMonths(-Months) - length.Value;
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static int Whole(Match match, string group) =>
        match.Groups[group].Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^P(?:(?<y>\d+)Y)?(?:(?<mo>\d+)M)?(?:(?<w>\d+)W)?(?:(?<d>\d+)D)?(?:T(?:(?<h>\d+)H)?(?:(?<mi>\d+)M)?(?:(?<s>\d+(?:\.\d+)?)S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
