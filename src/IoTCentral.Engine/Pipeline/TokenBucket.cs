using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace IoTCentral.Engine.Pipeline;

/// <summary>
/// A token bucket holding up to one second of requests. A caller that finds it empty reserves the next token
/// (the balance goes negative) and waits for it, so waiting callers are served in arrival order.
/// </summary>
internal sealed class TokenBucket
{
    private readonly object _gate = new();
    private readonly double _ratePerSecond;
    private readonly double _capacity;
    private double _tokens;
    private long _lastRefill;

    public TokenBucket(double ratePerSecond)
    {
        _ratePerSecond = ratePerSecond;
        _capacity = Math.Max(1, ratePerSecond);
        _tokens = _capacity;
        _lastRefill = Stopwatch.GetTimestamp();
    }

    public Task WaitAsync(CancellationToken cancellationToken)
    {
        var wait = Reserve();
        return wait <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(wait, cancellationToken);
    }

    public void Wait(CancellationToken cancellationToken)
    {
        var wait = Reserve();
        if (wait > TimeSpan.Zero)
        {
            cancellationToken.WaitHandle.WaitOne(wait);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private TimeSpan Reserve()
    {
        lock (_gate)
        {
            var now = Stopwatch.GetTimestamp();
            var elapsedSeconds = (now - _lastRefill) / (double)Stopwatch.Frequency;
            _lastRefill = now;
            _tokens = Math.Min(_capacity, _tokens + elapsedSeconds * _ratePerSecond);
            _tokens -= 1;
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _ratePerSecond);
        }
    }
}
