namespace IoTCentral.Emulator.Features.Query.Evaluation;

/// <summary>The docs' two kinds of query: one reads telemetry (a row per message), the other properties (a row per device).</summary>
internal enum QueryKind
{
    Telemetry,
    Property,
}
