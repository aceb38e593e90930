namespace IoTCentral.HelpCompiler.Model;

/// <summary>One "### TypeName" of INPUTS or OUTPUTS and what the page says about it.</summary>
public sealed class TypeHelp
{
    public string TypeName { get; set; } = string.Empty;

    public int Line { get; set; }

    public List<string> Description { get; } = new();
}
