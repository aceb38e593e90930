using Azure.Core;

namespace IoTCentral.Engine.Internal;

/// <summary>
/// What the attempts of one request tell about its effect. After an attempt whose answer was lost (no response, a cut-off
/// body, a time-out) or that failed on the server's side (5xx), the service may have done the work, so a retry that
/// finds "already gone" (404 on DELETE) or "already there" (409 on PUT) may be looking at that attempt's result.
/// </summary>
internal sealed class AttemptHistory
{
    private const string PropertyName = "IoTCentral.AttemptHistory";

    private volatile bool _mayHaveTakenEffect;

    public bool AnAttemptMayHaveTakenEffect => _mayHaveTakenEffect;

    public static AttemptHistory? Of(HttpMessage message) =>
        message.TryGetProperty(PropertyName, out var value) ? value as AttemptHistory : null;

    public void Attach(HttpMessage message) => message.SetProperty(PropertyName, this);

    public void RecordLostAnswer() => _mayHaveTakenEffect = true;

    public void RecordStatus(int status)
    {
        // A 429 is the one failure that guarantees the request was not processed.
        if (status >= 500 || status == 408)
        {
            _mayHaveTakenEffect = true;
        }
    }
}
