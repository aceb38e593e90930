namespace IoTCentral.Emulator.Features.Query.Syntax;

/// <summary>One ORDER BY item; ascending unless DESC.</summary>
internal sealed record OrderItem(Expression Expression, bool Descending);
