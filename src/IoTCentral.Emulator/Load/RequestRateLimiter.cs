using System.Diagnostics;

namespace IoTCentral.Emulator.Load;

/// <summary>
/// The application's request budget for all callers together, as IoT Central enforces it: a bucket of one second's
/// worth of requests (at least one), refilled continuously. A request that finds it empty is refused and told when a
/// slot frees up.
/// </summary>
internal sealed class RequestRateLimiter(double requestsPerSecond)
{
    private readonly object _gate = new();
    private readonly double _capacity = Math.Max(1, requestsPerSecond);
    private double _tokens = Math.Max(1, requestsPerSecond);
    private long _lastRefill = Stopwatch.GetTimestamp();

    public bool IsEnabled => requestsPerSecond > 0;

    /// <summary>Takes a slot, or says how long until one is free.</summary>
    public bool TryAcquire(out TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var now = Stopwatch.GetTimestamp();
            _tokens = Math.Min(_capacity, _tokens + Stopwatch.GetElapsedTime(_lastRefill, now).TotalSeconds * requestsPerSecond);
            _lastRefill = now;
            if (_tokens >= 1)
            {
                _tokens -= 1;
                retryAfter = TimeSpan.Zero;
                return true;
            }

            retryAfter = TimeSpan.FromSeconds((1 - _tokens) / requestsPerSecond);
            return false;
        }
    }
}
