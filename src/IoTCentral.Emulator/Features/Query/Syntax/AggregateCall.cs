namespace IoTCentral.Emulator.Features.Query.Syntax;

/// <summary><c>AVG(temperature)</c>; its column is named like the service's, <c>avg_temperature</c>, unless aliased.</summary>
internal sealed record AggregateCall(AggregateFunction Function, FieldPath Field, int Position) : Expression(Position)
{
    public override string Key => $"{Function.ToString().ToUpperInvariant()}({Field.Text})";

    public override string DefaultName => $"{Function.ToString().ToLowerInvariant()}_{Field.Text}";
}
