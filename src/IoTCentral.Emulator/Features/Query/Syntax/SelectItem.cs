namespace IoTCentral.Emulator.Features.Query.Syntax;

/// <summary>One item of the SELECT list, with its optional <c>AS</c> alias.</summary>
internal sealed record SelectItem(Expression Expression, string? Alias)
{
    /// <summary>The key of this item's value in each result row.</summary>
    public string OutputName => Alias ?? Expression.DefaultName;
}
