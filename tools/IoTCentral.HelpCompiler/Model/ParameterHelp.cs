namespace IoTCentral.HelpCompiler.Model;

/// <summary>One "### -Name" of the PARAMETERS section: its description and one metadata block per distinct set.</summary>
public sealed class ParameterHelp
{
    public string Name { get; set; } = string.Empty;

    public int Line { get; set; }

    public List<string> Description { get; } = new();

    public List<ParameterMetadata> Metadata { get; } = new();

    public bool IsSwitch => Metadata.Count > 0 && Metadata[0].IsSwitch;

    /// <summary>The block that covers a parameter set, or null when the parameter is not in it.</summary>
    public ParameterMetadata? ForSet(string setName) =>
        Metadata.FirstOrDefault(m => m.AppliesTo(setName));

    public bool IsRequiredAnywhere => Metadata.Any(m => m.Required);
}
