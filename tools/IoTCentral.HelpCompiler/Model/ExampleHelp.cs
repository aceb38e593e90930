namespace IoTCentral.HelpCompiler.Model;

/// <summary>One "### Example N: title" with its code and the text around it.</summary>
public sealed class ExampleHelp
{
    public string Title { get; set; } = string.Empty;

    public int Line { get; set; }

    /// <summary>Paragraphs before the code.</summary>
    public List<string> Introduction { get; } = new();

    public string? Code { get; set; }

    /// <summary>Paragraphs after the code; further code blocks (such as sample output) are kept verbatim.</summary>
    public List<string> Remarks { get; } = new();
}
