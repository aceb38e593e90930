namespace IoTCentral.HelpCompiler.Model;

/// <summary>Collects the findings of one compilation, in the order they were found.</summary>
public sealed class DiagnosticList
{
    private readonly List<Diagnostic> items = new();

    public IReadOnlyList<Diagnostic> Items => items;

    public bool HasErrors => items.Any(d => d.IsError);

    public int ErrorCount => items.Count(d => d.IsError);

    public int WarningCount => items.Count(d => !d.IsError);

    public void Error(string file, int line, string code, string message) =>
        items.Add(new Diagnostic(file, line, DiagnosticSeverity.Error, code, message));

    public void Warning(string file, int line, string code, string message) =>
        items.Add(new Diagnostic(file, line, DiagnosticSeverity.Warning, code, message));
}
