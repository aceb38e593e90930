namespace IoTCentral.Emulator.Features.Query.Syntax;

/// <summary><c>$id IN ['a', 'b']</c>.</summary>
internal sealed record InCondition(FieldPath Field, IReadOnlyList<Literal> Values, int Position) : Condition(Position);
