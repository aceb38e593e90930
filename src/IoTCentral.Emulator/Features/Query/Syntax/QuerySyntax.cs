namespace IoTCentral.Emulator.Features.Query.Syntax;

/// <summary>A parsed query, clause by clause, before any check that needs the template's data.</summary>
internal sealed record QuerySyntax(
    int? Top,
    IReadOnlyList<SelectItem> Select,
    string TemplateId,
    Condition? Where,
    GroupByWindow? GroupBy,
    IReadOnlyList<OrderItem> OrderBy)
{
    public bool HasAggregates => Select.Any(item => item.Expression is AggregateCall);
}
