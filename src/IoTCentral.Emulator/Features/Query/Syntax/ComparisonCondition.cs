namespace IoTCentral.Emulator.Features.Query.Syntax;

/// <summary><c>temperature &gt; 20</c>, <c>$id = 'x'</c>; a comparison with NULL is a <see cref="NullCondition"/> instead.</summary>
internal sealed record ComparisonCondition(FieldPath Field, ComparisonOperator Operator, Literal Value, int Position) : Condition(Position);
