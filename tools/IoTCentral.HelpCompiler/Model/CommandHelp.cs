namespace IoTCentral.HelpCompiler.Model;

/// <summary>Everything one cmdlet page says, as parsed from its PlatyPS markdown.</summary>
public sealed class CommandHelp
{
    public string SourceFile { get; set; } = string.Empty;

    /// <summary>The line of the "# Name" heading (1 when absent).</summary>
    public int NameLine { get; set; } = 1;

    public string Name { get; set; } = string.Empty;

    public IDictionary<string, string> FrontMatter { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The line of each "## SECTION" heading that the page has, by upper-case section name.</summary>
    public IDictionary<string, int> SectionLines { get; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

    public List<string> Synopsis { get; } = new();

    public List<string> Description { get; } = new();

    public List<SyntaxSet> SyntaxSets { get; } = new();

    public List<ExampleHelp> Examples { get; } = new();

    public List<ParameterHelp> Parameters { get; } = new();

    public bool HasCommonParameters { get; set; }

    public List<TypeHelp> Inputs { get; } = new();

    public List<TypeHelp> Outputs { get; } = new();

    public List<string> Notes { get; } = new();

    public List<RelatedLink> Links { get; } = new();

    public string Verb => Name.Contains('-') ? Name.Substring(0, Name.IndexOf('-')) : Name;

    public string Noun => Name.Contains('-') ? Name.Substring(Name.IndexOf('-') + 1) : string.Empty;

    public string? OnlineVersion =>
        FrontMatter.TryGetValue("online version", out var uri) && !string.IsNullOrWhiteSpace(uri) ? uri.Trim() : null;

    public ParameterHelp? FindParameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
