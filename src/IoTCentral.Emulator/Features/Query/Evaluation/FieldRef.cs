using IoTCentral.Emulator.Features.Query.Syntax;

namespace IoTCentral.Emulator.Features.Query.Evaluation;

/// <summary>
/// A resolved field: what kind of data it reads, the telemetry or property <see cref="Path"/> and the object
/// <see cref="Members"/> below it (<c>sensors.accelerometer.x</c> is telemetry <c>sensors.accelerometer</c>, member <c>x</c>).
/// </summary>
internal sealed record FieldRef(FieldKind Kind, string Path, IReadOnlyList<string> Members, FieldPath Source);
