namespace IoTCentral.HelpCompiler.Model;

/// <summary>One finding about one line of one page, printed as "file:line: error HC001: message".</summary>
public sealed record Diagnostic(string File, int Line, DiagnosticSeverity Severity, string Code, string Message)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    public override string ToString() =>
        $"{File}:{Line}: {(IsError ? "error" : "warning")} {Code}: {Message}";
}
