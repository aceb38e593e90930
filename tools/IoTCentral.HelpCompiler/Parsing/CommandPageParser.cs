using IoTCentral.HelpCompiler.Markdown;
using IoTCentral.HelpCompiler.Model;

namespace IoTCentral.HelpCompiler.Parsing;

/// <summary>
/// Reads a PlatyPS cmdlet page (schema 2.0.0) into a <see cref="CommandHelp"/>. Structural problems (an
/// unclosed fence, a malformed yaml block, a repeated section) are reported here; whether the content is
/// complete is the validator's business.
/// </summary>
public static class CommandPageParser
{
    public static readonly string[] KnownSections =
    {
        "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS",
    };

    public static CommandHelp Parse(string file, string text, DiagnosticList diagnostics)
    {
        var lines = SplitLines(text);
        var command = new CommandHelp { SourceFile = file };
        var front = FrontMatter.Read(lines);
        ReadFrontMatter(command, front, file, diagnostics);

        var blocks = MarkdownReader.Read(lines, front.BodyStart, (line, message) => diagnostics.Error(file, line, DiagnosticCodes.Structure, message));
        var state = new State(command, file, diagnostics);
        foreach (var block in blocks)
        {
            state.Accept(block);
        }

        return command;
    }

    internal static string[] SplitLines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');

    private static void ReadFrontMatter(CommandHelp command, FrontMatter front, string file, DiagnosticList diagnostics)
    {
        if (!front.Present)
        {
            diagnostics.Error(file, 1, DiagnosticCodes.FrontMatter, "the page has no front matter (a '---' block with 'external help file', 'Module Name', 'online version' and 'schema: 2.0.0').");
            return;
        }

        if (front.Unterminated)
        {
            diagnostics.Error(file, front.Line, DiagnosticCodes.FrontMatter, "the front matter that starts here has no closing '---'.");
        }

        foreach (var line in front.MalformedLines)
        {
            diagnostics.Error(file, line, DiagnosticCodes.FrontMatter, "a front matter line must be 'key: value'.");
        }

        foreach (var pair in front.Values)
        {
            command.FrontMatter[pair.Key] = pair.Value;
        }
    }

    /// <summary>Walks the blocks, remembering the current section and the item (set, example, parameter, type) within it.</summary>
    private sealed class State
    {
        private readonly CommandHelp command;
        private readonly string file;
        private readonly DiagnosticList diagnostics;
        private string? section;
        private SyntaxSet? syntaxSet;
        private ExampleHelp? example;
        private ParameterHelp? parameter;
        private bool inCommonParameters;
        private TypeHelp? type;
        private List<string>? lastList;

        public State(CommandHelp command, string file, DiagnosticList diagnostics)
        {
            this.command = command;
            this.file = file;
            this.diagnostics = diagnostics;
        }

        public void Accept(MarkdownBlock block)
        {
            if (block.Kind != MarkdownBlockKind.ListItem)
            {
                lastList = null;
            }

            if (block.IsHeading(1))
            {
                OnTitle(block);
            }
            else if (block.IsHeading(2))
            {
                OnSection(block);
            }
            else if (section == null)
            {
                if (block.Kind != MarkdownBlockKind.Heading || block.Level > 2)
                {
                    diagnostics.Warning(file, block.Line, DiagnosticCodes.UnknownContent, "text before the first '## SECTION' is ignored.");
                }
            }
            else if (block.IsHeading(3))
            {
                OnItem(block);
            }
            else
            {
                OnContent(block);
            }
        }

        private void OnTitle(MarkdownBlock block)
        {
            if (command.Name.Length > 0)
            {
                diagnostics.Error(file, block.Line, DiagnosticCodes.Structure, $"a second '# title' ('{block.Text}'); a page documents one command.");
                return;
            }

            command.Name = block.Text.Trim();
            command.NameLine = block.Line;
        }

        private void OnSection(MarkdownBlock block)
        {
            var name = block.Text.Trim().ToUpperInvariant();
            syntaxSet = null;
            example = null;
            parameter = null;
            inCommonParameters = false;
            type = null;
            if (!KnownSections.Contains(name))
            {
                diagnostics.Warning(file, block.Line, DiagnosticCodes.UnknownContent, $"'## {block.Text}' is not a PlatyPS section; its content is left out of the help.");
                section = "?";
                return;
            }

            if (command.SectionLines.TryGetValue(name, out var first))
            {
                diagnostics.Error(file, block.Line, DiagnosticCodes.Duplicate, $"'## {name}' appears twice (first on line {first}).");
            }
            else
            {
                command.SectionLines[name] = block.Line;
            }

            section = name;
        }

        private void OnItem(MarkdownBlock block)
        {
            var text = block.Text.Trim();
            switch (section)
            {
                case "SYNTAX":
                    var isDefault = text.EndsWith("(Default)", StringComparison.OrdinalIgnoreCase);
                    var name = isDefault ? text.Substring(0, text.Length - "(Default)".Length).Trim() : text;
                    if (command.SyntaxSets.Any(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)))
                    {
                        diagnostics.Error(file, block.Line, DiagnosticCodes.Duplicate, $"parameter set '{name}' appears twice in SYNTAX.");
                    }

                    syntaxSet = new SyntaxSet { Name = name, IsDefault = isDefault, Line = block.Line };
                    command.SyntaxSets.Add(syntaxSet);
                    break;
                case "EXAMPLES":
                    example = new ExampleHelp { Title = InlineText.ToPlainText(text), Line = block.Line };
                    command.Examples.Add(example);
                    break;
                case "PARAMETERS":
                    OnParameterHeading(block, text);
                    break;
                case "INPUTS":
                case "OUTPUTS":
                    type = new TypeHelp { TypeName = InlineText.ToPlainText(text), Line = block.Line };
                    (section == "INPUTS" ? command.Inputs : command.Outputs).Add(type);
                    break;
                default:
                    OnContent(block);
                    break;
            }
        }

        private void OnParameterHeading(MarkdownBlock block, string text)
        {
            parameter = null;
            inCommonParameters = false;
            var bare = text.Trim('<', '>', ' ');
            if (string.Equals(bare, "CommonParameters", StringComparison.OrdinalIgnoreCase))
            {
                command.HasCommonParameters = true;
                inCommonParameters = true;
                return;
            }

            if (string.Equals(bare, "WorkflowCommonParameters", StringComparison.OrdinalIgnoreCase))
            {
                inCommonParameters = true;
                return;
            }

            if (!text.StartsWith('-') || text.Length < 2 || text.Skip(1).Any(c => !char.IsLetterOrDigit(c) && c != '_'))
            {
                diagnostics.Error(file, block.Line, DiagnosticCodes.Structure, $"'### {text}' in PARAMETERS must be '### -ParameterName' or '### CommonParameters'.");
                return;
            }

            var name = text.Substring(1);
            if (command.FindParameter(name) is { } existing)
            {
                diagnostics.Error(file, block.Line, DiagnosticCodes.Duplicate, $"parameter -{name} is documented twice (first on line {existing.Line}).");
            }

            parameter = new ParameterHelp { Name = name, Line = block.Line };
            command.Parameters.Add(parameter);
        }

        private void OnContent(MarkdownBlock block)
        {
            switch (section)
            {
                case "SYNOPSIS":
                    AddParagraph(command.Synopsis, block);
                    break;
                case "DESCRIPTION":
                    AddParagraph(command.Description, block);
                    break;
                case "NOTES":
                    AddParagraph(command.Notes, block);
                    break;
                case "SYNTAX":
                    OnSyntaxContent(block);
                    break;
                case "EXAMPLES":
                    OnExampleContent(block);
                    break;
                case "PARAMETERS":
                    OnParameterContent(block);
                    break;
                case "INPUTS":
                case "OUTPUTS":
                    OnTypeContent(block);
                    break;
                case "RELATED LINKS":
                    OnLinkContent(block);
                    break;
            }
        }

        /// <summary>
        /// Adds a block as a paragraph; consecutive list items stay together in one paragraph, one item per
        /// line, so that Get-Help does not put a blank line between them.
        /// </summary>
        private void AddParagraph(List<string> target, MarkdownBlock block)
        {
            var text = ParagraphText.From(block);
            if (block.Kind == MarkdownBlockKind.ListItem && ReferenceEquals(lastList, target) && target.Count > 0)
            {
                target[^1] += "\n" + text;
                return;
            }

            target.Add(text);
            lastList = block.Kind == MarkdownBlockKind.ListItem ? target : null;
        }

        private void OnSyntaxContent(MarkdownBlock block)
        {
            if (block.Kind != MarkdownBlockKind.CodeBlock)
            {
                diagnostics.Warning(file, block.Line, DiagnosticCodes.UnknownContent, "SYNTAX holds only '### SetName' headings and code blocks; this text is ignored.");
                return;
            }

            if (syntaxSet == null)
            {
                diagnostics.Error(file, block.Line, DiagnosticCodes.Syntax, "a SYNTAX code block must follow a '### ParameterSetName' heading (use '### __AllParameterSets' for a command with one set).");
                return;
            }

            if (syntaxSet.Code != null)
            {
                diagnostics.Error(file, block.Line, DiagnosticCodes.Syntax, $"parameter set '{syntaxSet.Name}' has a second code block.");
                return;
            }

            syntaxSet.Code = block.Text;
            syntaxSet.CodeLine = block.Line;
            syntaxSet.ParameterNames.AddRange(SyntaxParser.ParameterNames(block.Text));
        }

        private void OnExampleContent(MarkdownBlock block)
        {
            if (example == null)
            {
                diagnostics.Warning(file, block.Line, DiagnosticCodes.UnknownContent, "text in EXAMPLES before the first '### Example' heading is ignored.");
                return;
            }

            if (block.Kind == MarkdownBlockKind.CodeBlock && example.Code == null && block.Info is "" or "powershell" or "ps" or "pwsh" or "ps1")
            {
                example.Code = block.Text;
            }
            else if (example.Code == null && block.Kind != MarkdownBlockKind.CodeBlock)
            {
                AddParagraph(example.Introduction, block);
            }
            else
            {
                AddParagraph(example.Remarks, block);
            }
        }

        private void OnParameterContent(MarkdownBlock block)
        {
            if (inCommonParameters)
            {
                return;
            }

            if (parameter == null)
            {
                diagnostics.Warning(file, block.Line, DiagnosticCodes.UnknownContent, "text in PARAMETERS before the first '### -Name' heading is ignored.");
                return;
            }

            if (block.Kind == MarkdownBlockKind.CodeBlock && block.Info == "yaml")
            {
                parameter.Metadata.Add(ParameterMetadataParser.Parse(block.Text, block.Line + 1, file, parameter.Name, diagnostics));
                return;
            }

            AddParagraph(parameter.Description, block);
        }

        private void OnTypeContent(MarkdownBlock block)
        {
            if (type == null)
            {
                diagnostics.Warning(file, block.Line, DiagnosticCodes.UnknownContent, $"text in {section} must follow a '### TypeName' heading; it is ignored.");
                return;
            }

            AddParagraph(type.Description, block);
        }

        private void OnLinkContent(MarkdownBlock block)
        {
            if (block.Kind is not (MarkdownBlockKind.Paragraph or MarkdownBlockKind.ListItem))
            {
                diagnostics.Warning(file, block.Line, DiagnosticCodes.UnknownContent, "RELATED LINKS holds only links; this block is ignored.");
                return;
            }

            var links = LinkParser.Parse(block.Text);
            if (links.Count == 0)
            {
                command.Links.Add(new RelatedLink(InlineText.ToPlainText(block.Text), string.Empty));
            }

            command.Links.AddRange(links);
        }
    }
}
