using System.Globalization;

namespace IoTCentral.Emulator.Load;

/// <summary>
/// The parsed <c>--faults</c> specification: the share of API requests that fail in each way, and the seed that makes a
/// run repeatable. Syntax: comma-separated <c>name=value</c>, e.g.
/// <c>seed=42,429=0.05,500=0.02,503=0.02,reset=0.02,truncate=0.02,delay=0.05:200ms</c>.
/// </summary>
internal sealed record FaultPlan(int Seed, double Throttle, double ServerError, double Unavailable, double Reset, double Truncate, double DelayRate, TimeSpan Delay)
{
    public const string Syntax = "seed=N, 429=RATE, 500=RATE, 503=RATE, reset=RATE, truncate=RATE, delay=RATE:DURATION (RATE from 0 to 1, DURATION like 200ms or 2s)";

    public static readonly FaultPlan None = new(0, 0, 0, 0, 0, 0, 0, TimeSpan.Zero);

    public bool IsEmpty => Throttle + ServerError + Unavailable + Reset + Truncate + DelayRate == 0;

    /// <summary>Parses a specification; throws <see cref="FormatException"/> naming the part that is wrong.</summary>
    public static FaultPlan Parse(string? spec)
    {
        var plan = None;
        if (string.IsNullOrWhiteSpace(spec))
        {
            return plan;
        }

        foreach (var part in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0)
            {
                throw new FormatException($"Fault '{part}' is not name=value; expected {Syntax}.");
            }

            var name = part[..equals].Trim().ToLowerInvariant();
            var value = part[(equals + 1)..].Trim();
            plan = name switch
            {
                "seed" => plan with { Seed = int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : throw new FormatException($"Fault seed '{value}' is not an integer.") },
                "429" => plan with { Throttle = Rate(name, value) },
                "500" => plan with { ServerError = Rate(name, value) },
                "503" => plan with { Unavailable = Rate(name, value) },
                "reset" => plan with { Reset = Rate(name, value) },
                "truncate" => plan with { Truncate = Rate(name, value) },
                "delay" => WithDelay(plan, value),
                _ => throw new FormatException($"Unknown fault '{name}'; expected {Syntax}."),
            };
        }

        if (plan.Throttle + plan.ServerError + plan.Unavailable + plan.Reset + plan.Truncate > 1)
        {
            throw new FormatException("The rates of 429, 500, 503, reset and truncate add up to more than 1.");
        }

        return plan;
    }

    private static FaultPlan WithDelay(FaultPlan plan, string value)
    {
        var colon = value.IndexOf(':');
        if (colon <= 0)
        {
            throw new FormatException($"Fault delay '{value}' is not RATE:DURATION, such as 0.05:200ms.");
        }

        return plan with { DelayRate = Rate("delay", value[..colon]), Delay = Duration(value[(colon + 1)..]) };
    }

    private static double Rate(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate is >= 0 and <= 1
            ? rate
            : throw new FormatException($"The rate of fault '{name}' must be a number from 0 to 1, not '{value}'.");

    private static TimeSpan Duration(string value)
    {
        var text = value.Trim().ToLowerInvariant();
        var (number, scale) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 1.0)
            : text.EndsWith('s') ? (text[..^1], 1000.0)
            : (text, 1.0);
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount is >= 0 and <= 600_000
            ? TimeSpan.FromMilliseconds(amount * scale)
            : throw new FormatException($"Fault delay duration '{value}' must be like 200ms or 2s (at most 10 minutes).");
    }
}
