using Azure.Core.Pipeline;

namespace IoTCentral.Engine.Pipeline;

internal static class PipelineFactory
{
    public const string Scope = "https://apps.azureiotcentral.com/.default";

    /// <summary>
    /// Azure.Core supplies retry, client request ids, telemetry and buffering. Per attempt, in order: note the outcome
    /// (so a retry can tell whether an earlier attempt may have done the work), wait for the host's budget, authenticate,
    /// then log (after auth, so the debug output shows that a credential was sent).
    /// </summary>
    public static HttpPipeline Build(IoTCentralClientOptions options, HttpPipelinePolicy authentication)
    {
        var pipelineOptions = new HttpPipelineOptions(new EngineClientOptions(options))
        {
            ResponseClassifier = IdempotentRetryClassifier.Instance,
        };

        pipelineOptions.PerRetryPolicies.Add(AttemptHistoryPolicy.Instance);
        if (options.RequestsPerSecond > 0)
        {
            pipelineOptions.PerRetryPolicies.Add(new RateLimitPolicy(options.RequestsPerSecond));
        }

        pipelineOptions.PerRetryPolicies.Add(authentication);
        pipelineOptions.PerRetryPolicies.Add(new RequestLoggingPolicy());
        return HttpPipelineBuilder.Build(pipelineOptions);
    }
}
