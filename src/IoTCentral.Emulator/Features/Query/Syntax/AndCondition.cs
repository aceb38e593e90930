namespace IoTCentral.Emulator.Features.Query.Syntax;

internal sealed record AndCondition(Condition Left, Condition Right, int Position) : Condition(Position);
