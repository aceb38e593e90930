namespace IoTCentral.HelpCompiler.Model;

/// <summary>One ```yaml block of a parameter: how the parameter behaves in the sets it names.</summary>
public sealed class ParameterMetadata
{
    public const string AllSets = "(All)";
    public const string Named = "Named";

    public int Line { get; set; }

    public string Type { get; set; } = string.Empty;

    /// <summary>The set names, or the single entry "(All)".</summary>
    public List<string> ParameterSets { get; } = new();

    public List<string> Aliases { get; } = new();

    public List<string> AcceptedValues { get; } = new();

    public bool Required { get; set; }

    /// <summary>"Named", or the zero-based position as digits.</summary>
    public string Position { get; set; } = Named;

    public string DefaultValue { get; set; } = "None";

    public bool PipelineByValue { get; set; }

    public bool PipelineByPropertyName { get; set; }

    public bool Globbing { get; set; }

    public bool IsSwitch =>
        string.Equals(Type, "SwitchParameter", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Type, "Switch", StringComparison.OrdinalIgnoreCase);

    public bool IsArray => Type.EndsWith("[]", StringComparison.Ordinal);

    public bool IsAllSets => ParameterSets.Count == 1 && ParameterSets[0] == AllSets;

    public bool AppliesTo(string setName) =>
        IsAllSets || ParameterSets.Contains(setName, StringComparer.OrdinalIgnoreCase);

    /// <summary>The text PowerShell's help shows: False, True (ByValue), True (ByPropertyName) or both.</summary>
    public string PipelineInputText =>
        (PipelineByValue, PipelineByPropertyName) switch
        {
            (true, true) => "True (ByValue, ByPropertyName)",
            (true, false) => "True (ByValue)",
            (false, true) => "True (ByPropertyName)",
            _ => "False",
        };
}
