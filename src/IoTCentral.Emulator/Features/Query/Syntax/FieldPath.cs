namespace IoTCentral.Emulator.Features.Query.Syntax;

/// <summary>
/// A reference as written: device metadata (<c>$id</c>, <c>$ts</c>, ...), a telemetry or property path
/// (<c>temperature</c>, <c>sensors.accelerometer</c>, <c>sensors.accelerometer.x</c>) or an alias of a SELECT item.
/// Which one it is depends on the template's data, so the evaluator resolves it.
/// </summary>
internal sealed record FieldPath(string Text, int Position) : Expression(Position)
{
    public override string Key => Text;

    public override string DefaultName => Text;

    public bool IsMetadata => Text.StartsWith('$');
}
