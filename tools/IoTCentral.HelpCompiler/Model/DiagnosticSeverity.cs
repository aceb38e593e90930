namespace IoTCentral.HelpCompiler.Model;

/// <summary>How bad a finding is: errors fail the build, warnings are only printed.</summary>
public enum DiagnosticSeverity
{
    Warning,
    Error,
}
