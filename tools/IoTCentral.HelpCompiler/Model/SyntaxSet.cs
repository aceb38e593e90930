namespace IoTCentral.HelpCompiler.Model;

/// <summary>One "### SetName" of the SYNTAX section with its code block.</summary>
public sealed class SyntaxSet
{
    public const string AllParameterSets = "__AllParameterSets";

    public string Name { get; set; } = string.Empty;

    public bool IsDefault { get; set; }

    public int Line { get; set; }

    public string? Code { get; set; }

    public int CodeLine { get; set; }

    /// <summary>The parameter names the code block shows, in its order, without the leading dash.</summary>
    public List<string> ParameterNames { get; } = new();
}
