namespace IoTCentral.Emulator.Features.Query.Syntax;

/// <summary><c>GROUP BY WINDOW(PT10M)</c>.</summary>
internal sealed record GroupByWindow(IsoDuration Duration, int Position);
