namespace IoTCentral.Emulator.Features.Query.Syntax;

/// <summary>A value written in the query: a double, a string, a boolean or null.</summary>
internal sealed record Literal(object? Value, string Text, int Position);
