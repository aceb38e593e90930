using System;
using System.Globalization;
using Azure;
using Azure.Core;

namespace IoTCentral.Engine.Pipeline;

/// <summary>
/// Azure.Core's exponential back-off (which already honours Retry-After, retry-after-ms and x-ms-retry-after-ms),
/// plus a warning to the caller's sink before each wait, so a long pause in a script has a visible reason.
/// </summary>
internal sealed class ReportingDelayStrategy : DelayStrategy
{
    private readonly DelayStrategy _backOff;
    private readonly int _maxAttempts;

    // No extra jitter or cap here: the inner strategy already applied both, and this one only reports.
    public ReportingDelayStrategy(IoTCentralClientOptions options)
        : base(TimeSpan.MaxValue, 0)
    {
        _backOff = CreateExponentialDelayStrategy(options.RetryDelay, options.MaxRetryDelay);
        _maxAttempts = options.MaxRetries + 1;
    }

    // Azure.Core passes 1 for the first retry, so the attempt about to start is retryNumber + 1.
    protected override TimeSpan GetNextDelayCore(Response? response, int retryNumber)
    {
        var delay = _backOff.GetNextDelay(response, retryNumber);
        RequestLog.Warning(string.Format(
            CultureInfo.InvariantCulture,
            "{0}; retrying in {1:0.0#} s, attempt {2} of {3}",
            Reason(response),
            delay.TotalSeconds,
            retryNumber + 1,
            _maxAttempts));
        return delay;
    }

    private static string Reason(Response? response) => response switch
    {
        null => "The request got no response",
        { Status: 429 } => "The service throttled the request (429)",
        _ => string.Format(CultureInfo.InvariantCulture, "The service returned {0} ({1})", response.Status, response.ReasonPhrase),
    };
}
