namespace IoTCentral.Emulator.Features.DataExport.Transforms;

/// <summary>How long the query running on this thread may still take; checked as it evaluates and loops.</summary>
internal static class JqBudget
{
    [ThreadStatic]
    private static long _deadline;

    public static void Start(TimeSpan limit) => _deadline = Environment.TickCount64 + (long)limit.TotalMilliseconds;

    public static void Stop() => _deadline = 0;

    public static void Check()
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        if (_deadline != 0 && Environment.TickCount64 > _deadline)
        {
            throw JqRuntimeException.Of("the query ran longer than its time limit");
        }
    }
}
