namespace IoTCentral.Emulator.Features.Query.Syntax;

/// <summary>
/// The words that structure a query and so cannot name a field or alias. TOP, WINDOW, WITHIN_WINDOW and the
/// aggregate names are keywords only where the grammar expects them (before a number or '('), so a telemetry
/// called <c>count</c> or <c>last</c> can still be selected.
/// </summary>
internal static class Keywords
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "SELECT", "FROM", "WHERE", "GROUP", "ORDER", "BY", "AS", "AND", "OR", "NOT", "IN", "IS", "NULL", "TRUE", "FALSE", "ASC", "DESC",
    };

    public static bool IsReserved(string word) => Reserved.Contains(word);

    public static AggregateFunction? Aggregate(string word) =>
        Enum.TryParse<AggregateFunction>(word, ignoreCase: true, out var function) && !char.IsAsciiDigit(word[0]) ? function : null;
}
