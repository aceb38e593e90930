namespace IoTCentral.HelpCompiler.Markdown;

public enum MarkdownBlockKind
{
    Heading,
    Paragraph,
    ListItem,
    CodeBlock,
    Table,
}
