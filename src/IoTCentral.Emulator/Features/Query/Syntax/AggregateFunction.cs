namespace IoTCentral.Emulator.Features.Query.Syntax;

/// <summary>The aggregates the docs list; each applies to one telemetry.</summary>
internal enum AggregateFunction
{
    Avg,
    Min,
    Max,
    Sum,
    Count,
    First,
    Last,
}
