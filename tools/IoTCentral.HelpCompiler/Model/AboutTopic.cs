using IoTCentral.HelpCompiler.Markdown;

namespace IoTCentral.HelpCompiler.Model;

/// <summary>An about_* page: its name and its markdown blocks, headings included, in order.</summary>
public sealed class AboutTopic
{
    public string SourceFile { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public int NameLine { get; set; } = 1;

    public List<MarkdownBlock> Blocks { get; } = new();

    /// <summary>The first paragraph under SHORT DESCRIPTION, as plain text; empty when there is none.</summary>
    public string ShortDescription { get; set; } = string.Empty;

    public bool HasLongDescription { get; set; }
}
