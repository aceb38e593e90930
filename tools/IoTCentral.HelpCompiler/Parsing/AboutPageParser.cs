using IoTCentral.HelpCompiler.Markdown;
using IoTCentral.HelpCompiler.Model;

namespace IoTCentral.HelpCompiler.Parsing;

/// <summary>
/// Reads an about_* page: "# about_Name", then "## SHORT DESCRIPTION" and "## LONG DESCRIPTION" (any case),
/// with "###" subsections. PlatyPS's older template ("# SHORT DESCRIPTION", "## about_Name") is read too.
/// </summary>
public static class AboutPageParser
{
    public const string ShortDescription = "SHORT DESCRIPTION";
    public const string LongDescription = "LONG DESCRIPTION";

    public static AboutTopic Parse(string file, string text, DiagnosticList diagnostics)
    {
        var lines = CommandPageParser.SplitLines(text);
        var front = FrontMatter.Read(lines);
        var topic = new AboutTopic { SourceFile = file };
        var blocks = MarkdownReader.Read(lines, front.BodyStart, (line, message) => diagnostics.Error(file, line, DiagnosticCodes.Structure, message));

        string? section = null;
        foreach (var block in blocks)
        {
            if (block.Kind == MarkdownBlockKind.Heading && block.Level <= 2)
            {
                var heading = block.Text.Trim();
                if (topic.Name.Length == 0 && heading.StartsWith("about_", StringComparison.OrdinalIgnoreCase))
                {
                    topic.Name = heading;
                    topic.NameLine = block.Line;
                    continue;
                }

                if (string.Equals(heading, topic.Name, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                section = heading.ToUpperInvariant();
                if (section == LongDescription)
                {
                    topic.HasLongDescription = true;
                }
            }
            else if (section == ShortDescription && block.Kind == MarkdownBlockKind.Paragraph && topic.ShortDescription.Length == 0)
            {
                topic.ShortDescription = InlineText.ToPlainText(block.Text);
            }

            topic.Blocks.Add(block);
        }

        return topic;
    }
}
