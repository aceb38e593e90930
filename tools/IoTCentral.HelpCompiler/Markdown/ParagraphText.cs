namespace IoTCentral.HelpCompiler.Markdown;

/// <summary>The plain-text paragraph that a non-heading block becomes in MAML (one maml:para each).</summary>
public static class ParagraphText
{
    public static string From(MarkdownBlock block) => block.Kind switch
    {
        MarkdownBlockKind.Paragraph => InlineText.ToPlainText(block.Text),
        MarkdownBlockKind.ListItem => new string(' ', block.Indent) + Bullet(block.Marker) + " " + InlineText.ToPlainText(block.Text),
        MarkdownBlockKind.CodeBlock => block.Text,
        MarkdownBlockKind.Table => block.Text,
        MarkdownBlockKind.Heading => InlineText.ToPlainText(block.Text),
        _ => block.Text,
    };

    private static string Bullet(string marker) => char.IsDigit(marker[0]) ? marker : "-";
}
