namespace IoTCentral.Emulator.Features.Query.Syntax;

/// <summary>What a SELECT or ORDER BY item computes: a field or an aggregate of one.</summary>
internal abstract record Expression(int Position)
{
    /// <summary>Identifies the expression regardless of where it is written (ORDER BY matches SELECT items by it).</summary>
    public abstract string Key { get; }

    /// <summary>The result column name when the item has no alias.</summary>
    public abstract string DefaultName { get; }
}
