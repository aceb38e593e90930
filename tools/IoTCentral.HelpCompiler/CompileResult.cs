using IoTCentral.HelpCompiler.Model;

namespace IoTCentral.HelpCompiler;

/// <summary>What a compilation found and produced. Nothing is written when there are errors.</summary>
public sealed class CompileResult
{
    public DiagnosticList Diagnostics { get; } = new();

    public List<CommandHelp> Commands { get; } = new();

    public List<AboutTopic> AboutTopics { get; } = new();

    public List<string> WrittenFiles { get; } = new();

    public bool Succeeded => !Diagnostics.HasErrors;
}
