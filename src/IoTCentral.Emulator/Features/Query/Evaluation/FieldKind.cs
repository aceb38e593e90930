namespace IoTCentral.Emulator.Features.Query.Evaluation;

internal enum FieldKind
{
    DeviceId,
    Timestamp,
    Provisioned,
    Simulated,
    Telemetry,
    Property,

    /// <summary>A name no device of the template has data for; it takes the kind of the query it is in.</summary>
    Unknown,
}
