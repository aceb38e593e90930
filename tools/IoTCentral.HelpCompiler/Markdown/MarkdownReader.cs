using System.Text;
using System.Text.RegularExpressions;

namespace IoTCentral.HelpCompiler.Markdown;

/// <summary>
/// Splits a page into blocks: headings, paragraphs, list items, fenced code blocks and tables. It knows the
/// subset of markdown that PlatyPS pages use; HTML comments are skipped. Line numbers are one-based.
/// </summary>
public static partial class MarkdownReader
{
    /// <param name="lines">The page's lines.</param>
    /// <param name="start">The zero-based index of the first line to read (after the front matter).</param>
    /// <param name="problem">Told the line number and text of each structural problem, such as an unclosed fence.</param>
    public static List<MarkdownBlock> Read(IReadOnlyList<string> lines, int start, Action<int, string> problem)
    {
        var blocks = new List<MarkdownBlock>();
        var paragraph = new StringBuilder();
        var paragraphLine = 0;
        MarkdownBlock? listItem = null;
        var listText = new StringBuilder();

        void Flush()
        {
            if (paragraph.Length > 0)
            {
                blocks.Add(new MarkdownBlock(MarkdownBlockKind.Paragraph, paragraphLine, paragraph.ToString()));
                paragraph.Clear();
            }

            if (listItem != null)
            {
                blocks.Add(listItem with { Text = listText.ToString() });
                listItem = null;
                listText.Clear();
            }
        }

        var i = start;
        while (i < lines.Count)
        {
            var raw = lines[i];
            var trimmed = raw.Trim();
            var lineNumber = i + 1;

            if (trimmed.StartsWith("<!--", StringComparison.Ordinal))
            {
                Flush();
                while (i < lines.Count && !lines[i].Contains("-->", StringComparison.Ordinal))
                {
                    i++;
                }

                if (i >= lines.Count)
                {
                    problem(lineNumber, "The HTML comment that starts here is never closed with -->.");
                }

                i++;
                continue;
            }

            var fence = Fence().Match(raw);
            if (fence.Success)
            {
                Flush();
                var marker = fence.Groups["fence"].Value;
                var info = fence.Groups["info"].Value.Trim().ToLowerInvariant();
                var indent = fence.Groups["indent"].Value.Length;
                var code = new List<string>();
                i++;
                var closed = false;
                while (i < lines.Count)
                {
                    var candidate = lines[i].Trim();
                    if (candidate.StartsWith(marker, StringComparison.Ordinal) && candidate.Trim(marker[0]).Length == 0)
                    {
                        closed = true;
                        i++;
                        break;
                    }

                    code.Add(Unindent(lines[i], indent));
                    i++;
                }

                if (!closed)
                {
                    problem(lineNumber, "The code block that starts here is never closed with " + marker + ".");
                }

                blocks.Add(new MarkdownBlock(MarkdownBlockKind.CodeBlock, lineNumber, string.Join("\n", code).TrimEnd()) { Info = info });
                continue;
            }

            if (trimmed.Length == 0)
            {
                Flush();
                i++;
                continue;
            }

            var heading = Heading().Match(raw);
            if (heading.Success)
            {
                Flush();
                var text = heading.Groups["text"].Value.Trim().TrimEnd('#').TrimEnd();
                blocks.Add(new MarkdownBlock(MarkdownBlockKind.Heading, lineNumber, text) { Level = heading.Groups["hashes"].Value.Length });
                i++;
                continue;
            }

            if (trimmed.StartsWith('|'))
            {
                Flush();
                var rows = new List<string>();
                while (i < lines.Count && lines[i].Trim().StartsWith('|'))
                {
                    rows.Add(lines[i].Trim());
                    i++;
                }

                blocks.Add(new MarkdownBlock(MarkdownBlockKind.Table, lineNumber, string.Join("\n", rows)));
                continue;
            }

            var item = ListItem().Match(raw);
            if (item.Success)
            {
                Flush();
                listItem = new MarkdownBlock(MarkdownBlockKind.ListItem, lineNumber, string.Empty)
                {
                    Marker = item.Groups["marker"].Value,
                    Indent = item.Groups["indent"].Value.Length,
                };
                listText.Append(item.Groups["text"].Value.Trim());
                i++;
                continue;
            }

            var content = trimmed.StartsWith('>') ? trimmed.TrimStart('>').Trim() : trimmed;
            if (listItem != null)
            {
                listText.Append(' ').Append(content);
            }
            else
            {
                if (paragraph.Length == 0)
                {
                    paragraphLine = lineNumber;
                }
                else
                {
                    paragraph.Append(' ');
                }

                paragraph.Append(content);
            }

            i++;
        }

        Flush();
        return blocks;
    }

    private static string Unindent(string line, int indent)
    {
        var remove = 0;
        while (remove < indent && remove < line.Length && line[remove] == ' ')
        {
            remove++;
        }

        return line.Substring(remove).TrimEnd();
    }

    [GeneratedRegex(@"^(?<indent> {0,3})(?<fence>`{3,}|~{3,})(?<info>[^`]*)$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^ {0,3}(?<hashes>#{1,6})(\s+(?<text>.*))?$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(?<indent>\s*)(?<marker>[-*+]|\d{1,3}[.)])\s+(?<text>.*)$")]
    private static partial Regex ListItem();
}
