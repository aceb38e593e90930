namespace IoTCentral.Emulator.Features.Query.Syntax;

/// <summary><c>x IS NULL</c> / <c>x = NULL</c> (<see cref="IsNull"/> true) and <c>x IS NOT NULL</c> / <c>x &lt;&gt; NULL</c> / <c>x != NULL</c>.</summary>
internal sealed record NullCondition(FieldPath Field, bool IsNull, int Position) : Condition(Position);
