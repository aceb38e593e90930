namespace IoTCentral.Emulator.Features.Query.Syntax;

internal sealed record OrCondition(Condition Left, Condition Right, int Position) : Condition(Position);
