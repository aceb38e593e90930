namespace IoTCentral.Emulator.Load;

/// <summary>
/// Picks each API request's fault from the <see cref="FaultPlan"/> with a seeded generator: the same requests in the
/// same order meet the same faults on every run.
/// </summary>
internal sealed class FaultInjector(FaultPlan plan)
{
    private readonly Random _random = new(plan.Seed);

    public bool IsEnabled => !plan.IsEmpty;

    public (FaultKind Kind, TimeSpan Delay) Next()
    {
        double pick;
        double delay;
        lock (_random)
        {
            // Always two draws, so that changing one rate does not shift which requests the others hit.
            pick = _random.NextDouble();
            delay = _random.NextDouble();
        }

        return (Choose(pick), delay < plan.DelayRate ? plan.Delay : TimeSpan.Zero);
    }

    private FaultKind Choose(double pick)
    {
        var bound = 0.0;
        foreach (var (kind, rate) in new[]
        {
            (FaultKind.Throttle, plan.Throttle), (FaultKind.ServerError, plan.ServerError), (FaultKind.Unavailable, plan.Unavailable),
            (FaultKind.Reset, plan.Reset), (FaultKind.Truncate, plan.Truncate),
        })
        {
            bound += rate;
            if (pick < bound)
            {
                return kind;
            }
        }

        return FaultKind.None;
    }
}
