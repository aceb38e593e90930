namespace IoTCentral.Emulator.Features.Query.Syntax;

/// <summary>A node of the WHERE clause.</summary>
internal abstract record Condition(int Position);
