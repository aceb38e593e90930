using System.Text;
using IoTCentral.HelpCompiler.Markdown;
using IoTCentral.HelpCompiler.Model;

namespace IoTCentral.HelpCompiler.Writing;

/// <summary>
/// Writes an about topic as the plain text Get-Help shows:
/// <code>
/// TOPIC
///     about_Name
///
/// SHORT DESCRIPTION
///     The short description (PowerShell takes line 5 as the topic's synopsis).
///
/// LONG DESCRIPTION
///     Paragraphs, wrapped at 80 columns and indented 4 spaces.
///
///   Subsection
///     Lists keep their bullets; code is indented 8 spaces; tables are aligned.
/// </code>
/// </summary>
public static class AboutTextWriter
{
    public const int Width = 80;
    private const string Body = "    ";
    private const string Code = "        ";

    public static string Write(AboutTopic topic)
    {
        var output = new StringBuilder();
        output.Append("TOPIC\n");
        output.Append(Body).Append(topic.Name).Append('\n');
        MarkdownBlockKind? previous = MarkdownBlockKind.Heading;
        foreach (var block in topic.Blocks)
        {
            switch (block.Kind)
            {
                case MarkdownBlockKind.Heading:
                    output.Append('\n');
                    var text = InlineText.ToPlainText(block.Text);
                    if (block.Level <= 2)
                    {
                        output.Append(text.ToUpperInvariant()).Append('\n');
                    }
                    else
                    {
                        output.Append(new string(' ', 2 * (block.Level - 2))).Append(text).Append('\n');
                    }

                    break;
                case MarkdownBlockKind.Paragraph:
                    if (previous != MarkdownBlockKind.Heading)
                    {
                        output.Append('\n');
                    }

                    TextWrapper.Append(output, InlineText.ToPlainText(block.Text), Width, Body);
                    break;
                case MarkdownBlockKind.ListItem:
                    if (previous is not (MarkdownBlockKind.Heading or MarkdownBlockKind.ListItem))
                    {
                        output.Append('\n');
                    }

                    var indent = Body + new string(' ', block.Indent);
                    var bullet = char.IsDigit(block.Marker[0]) ? block.Marker + " " : "- ";
                    TextWrapper.Append(output, InlineText.ToPlainText(block.Text), Width, indent + bullet, indent + new string(' ', bullet.Length));
                    break;
                case MarkdownBlockKind.CodeBlock:
                    output.Append('\n');
                    foreach (var line in block.Text.Split('\n'))
                    {
                        output.Append((Code + line).TrimEnd()).Append('\n');
                    }

                    break;
                case MarkdownBlockKind.Table:
                    output.Append('\n');
                    AppendTable(output, block.Text);
                    break;
            }

            previous = block.Kind;
        }

        return output.ToString();
    }

    private static void AppendTable(StringBuilder output, string table)
    {
        var rows = table.Split('\n')
            .Select(r => r.Trim().Trim('|').Split('|').Select(c => InlineText.ToPlainText(c.Trim())).ToArray())
            .Where(cells => !cells.All(c => c.Length > 0 && c.Trim(':', '-').Length == 0))
            .ToList();
        if (rows.Count == 0)
        {
            return;
        }

        var columns = rows.Max(r => r.Length);
        var widths = Enumerable.Range(0, columns).Select(i => rows.Max(r => i < r.Length ? r[i].Length : 0)).ToArray();
        for (var r = 0; r < rows.Count; r++)
        {
            var cells = Enumerable.Range(0, columns).Select(i => (i < rows[r].Length ? rows[r][i] : string.Empty).PadRight(widths[i]));
            output.Append((Body + string.Join("  ", cells)).TrimEnd()).Append('\n');
            if (r == 0)
            {
                output.Append((Body + string.Join("  ", widths.Select(w => new string('-', w)))).TrimEnd()).Append('\n');
            }
        }
    }
}
