namespace IoTCentral.Emulator.Features.Query;

/// <summary>The limits Microsoft documents for the query API ("How to use the IoT Central REST API to query devices").</summary>
internal static class QueryLimits
{
    public const int MaxQueryLength = 350;
    public const int MaxSelectItems = 15;
    public const int MaxLogicalOperators = 10;

    /// <summary>The most rows a telemetry query returns; also the largest TOP.</summary>
    public const int MaxTelemetryRows = 10_000;

    /// <summary>The most rows a property query returns.</summary>
    public const int MaxPropertyRows = 1_000;

    /// <summary>How far back a telemetry query looks without WITHIN_WINDOW (the docs' span for aggregates without
    /// GROUP BY WINDOW, and IoT Central's telemetry retention in the data explorer).</summary>
    public static readonly TimeSpan DefaultTimeWindow = TimeSpan.FromDays(30);
}
