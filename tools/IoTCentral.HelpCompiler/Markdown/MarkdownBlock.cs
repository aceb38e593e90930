namespace IoTCentral.HelpCompiler.Markdown;

/// <summary>
/// One block of a page. Text is the heading text, the paragraph or list item with its lines joined by
/// spaces (markup kept), the verbatim code, or the table rows joined by newlines.
/// </summary>
public sealed record MarkdownBlock(MarkdownBlockKind Kind, int Line, string Text)
{
    /// <summary>The heading level (1 for #), or 0.</summary>
    public int Level { get; init; }

    /// <summary>The code fence's info string (powershell, yaml, Output...), lower-cased; empty when none.</summary>
    public string Info { get; init; } = string.Empty;

    /// <summary>The list marker as written ("-", "*", "1."), for list items.</summary>
    public string Marker { get; init; } = string.Empty;

    /// <summary>Leading spaces of a list item's marker, to tell nested items apart.</summary>
    public int Indent { get; init; }

    public bool IsHeading(int level) => Kind == MarkdownBlockKind.Heading && Level == level;
}
