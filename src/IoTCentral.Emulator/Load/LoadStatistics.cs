namespace IoTCentral.Emulator.Load;

/// <summary>
/// What the emulator's load behaviour did (<see cref="EmulatorServer.Load"/>): how many API requests arrived, how many
/// the rate limit refused and how many met each injected fault, so a test can show its retry paths really ran.
/// </summary>
public sealed class LoadStatistics
{
    private long _requests;
    private long _rateLimited;
    private long _throttled;
    private long _serverErrors;
    private long _unavailable;
    private long _resets;
    private long _truncations;
    private long _delays;

    /// <summary>API requests received (under <c>/api</c>), refused ones included.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Requests refused with 429 by <c>--rate-limit</c>.</summary>
    public long RateLimited => Interlocked.Read(ref _rateLimited);

    /// <summary>Requests refused with an injected 429.</summary>
    public long Throttled => Interlocked.Read(ref _throttled);

    /// <summary>Requests answered with an injected 500.</summary>
    public long ServerErrors => Interlocked.Read(ref _serverErrors);

    /// <summary>Requests answered with an injected 503.</summary>
    public long Unavailable => Interlocked.Read(ref _unavailable);

    /// <summary>Requests processed whose connection was then aborted without an answer.</summary>
    public long Resets => Interlocked.Read(ref _resets);

    /// <summary>Requests processed whose answer was cut off halfway.</summary>
    public long Truncations => Interlocked.Read(ref _truncations);

    /// <summary>Requests held back by an injected delay.</summary>
    public long Delays => Interlocked.Read(ref _delays);

    internal void CountRequest() => Interlocked.Increment(ref _requests);

    internal void CountRateLimited() => Interlocked.Increment(ref _rateLimited);

    internal void CountDelay() => Interlocked.Increment(ref _delays);

    internal void Count(FaultKind fault)
    {
        switch (fault)
        {
            case FaultKind.Throttle: Interlocked.Increment(ref _throttled); break;
            case FaultKind.ServerError: Interlocked.Increment(ref _serverErrors); break;
            case FaultKind.Unavailable: Interlocked.Increment(ref _unavailable); break;
            case FaultKind.Reset: Interlocked.Increment(ref _resets); break;
            case FaultKind.Truncate: Interlocked.Increment(ref _truncations); break;
        }
    }
}
