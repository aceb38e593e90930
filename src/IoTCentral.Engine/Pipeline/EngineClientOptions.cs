using System;
using System.Reflection;
using Azure.Core;

namespace IoTCentral.Engine.Pipeline;

/// <summary>Azure.Core options derived from <see cref="IoTCentralClientOptions"/>.</summary>
internal sealed class EngineClientOptions : ClientOptions
{
    public EngineClientOptions(IoTCentralClientOptions options)
    {
        Retry.MaxRetries = options.MaxRetries;
        Retry.Delay = options.RetryDelay;
        Retry.MaxDelay = options.MaxRetryDelay;
        Retry.Mode = RetryMode.Exponential;
        Retry.NetworkTimeout = options.NetworkTimeout;
        RetryPolicy = new Azure.Core.Pipeline.RetryPolicy(options.MaxRetries, new ReportingDelayStrategy(options));

        // Azure.Core caps application ids at 24 characters unless the client raises the limit.
        MaxApplicationIdLength = Math.Max(MaxApplicationIdLength, ApplicationId.Length);
        Diagnostics.ApplicationId = ApplicationId;

        // Our own logging policy writes redacted bodies to the user's streams; Azure.Core's event source must not
        // write unredacted ones anywhere.
        Diagnostics.IsLoggingContentEnabled = false;

        // Every call pays for these policies, and the module's request log already says what they would: an Activity
        // per request and Azure.Core's event-source lines are overhead no PowerShell user reads.
        Diagnostics.IsDistributedTracingEnabled = false;
        Diagnostics.IsLoggingEnabled = false;

        var transport = TransportFactory.For(options);
        if (transport is not null)
        {
            Transport = transport;
        }
    }

    public static string ApplicationId { get; } = "IoTCentral-PowerShell/" + Version();

    private static string Version()
    {
        var assembly = typeof(EngineClientOptions).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (!string.IsNullOrEmpty(informational))
        {
            // Drop the "+commit" suffix the SDK appends; the User-Agent only needs the version.
            var plus = informational!.IndexOf('+');
            return plus < 0 ? informational : informational.Substring(0, plus);
        }

        return assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    }
}
