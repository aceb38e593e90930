using IoTCentral.HelpCompiler.Model;
using IoTCentral.HelpCompiler.Parsing;

namespace IoTCentral.HelpCompiler.Validation;

/// <summary>
/// Decides whether a parsed cmdlet page is complete enough to ship: a synopsis, a description, at least one
/// example with code, every parameter described with metadata, and a SYNTAX section that agrees with the
/// PARAMETERS section. Missing INPUTS/OUTPUTS only warn.
/// </summary>
public sealed class CommandHelpValidator
{
    private readonly string moduleName;

    public CommandHelpValidator(string moduleName)
    {
        this.moduleName = moduleName;
    }

    public string HelpFileName => moduleName + ".dll-Help.xml";

    public void Validate(CommandHelp command, DiagnosticList diagnostics)
    {
        var file = command.SourceFile;
        ValidateFrontMatter(command, diagnostics);
        ValidateName(command, diagnostics);

        if (IsBlank(command.Synopsis))
        {
            diagnostics.Error(file, Line(command, "SYNOPSIS"), DiagnosticCodes.MissingSynopsis, $"{command.Name} has no synopsis (a '## SYNOPSIS' section with text).");
        }

        if (IsBlank(command.Description))
        {
            diagnostics.Error(file, Line(command, "DESCRIPTION"), DiagnosticCodes.MissingDescription, $"{command.Name} has no description (a '## DESCRIPTION' section with text).");
        }

        ValidateExamples(command, diagnostics);
        ValidateParameters(command, diagnostics);
        ValidateSyntax(command, diagnostics);
        ValidatePlaceholders(command, diagnostics);

        foreach (var optional in new[] { "INPUTS", "OUTPUTS", "RELATED LINKS" })
        {
            if (!command.SectionLines.ContainsKey(optional))
            {
                diagnostics.Warning(file, command.NameLine, DiagnosticCodes.MissingSection, $"{command.Name} has no '## {optional}' section.");
            }
        }

        if (!command.HasCommonParameters)
        {
            diagnostics.Warning(file, Line(command, "PARAMETERS"), DiagnosticCodes.MissingSection, $"{command.Name} has no '### CommonParameters' entry; every cmdlet supports them.");
        }
    }

    private void ValidateFrontMatter(CommandHelp command, DiagnosticList diagnostics)
    {
        var file = command.SourceFile;
        if (command.FrontMatter.Count == 0)
        {
            return; // the parser has said so already
        }

        if (!command.FrontMatter.TryGetValue("schema", out var schema) || schema != "2.0.0")
        {
            diagnostics.Error(file, 1, DiagnosticCodes.FrontMatter, $"the front matter must say 'schema: 2.0.0' (found '{schema ?? "nothing"}').");
        }

        if (!command.FrontMatter.TryGetValue("external help file", out var helpFile) || !string.Equals(helpFile, HelpFileName, StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Error(file, 1, DiagnosticCodes.FrontMatter, $"the front matter must say 'external help file: {HelpFileName}' (found '{helpFile ?? "nothing"}').");
        }

        if (command.FrontMatter.TryGetValue("Module Name", out var module) && !string.Equals(module, moduleName, StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Error(file, 1, DiagnosticCodes.FrontMatter, $"'Module Name: {module}' does not match the module being built ({moduleName}).");
        }
    }

    private static void ValidateName(CommandHelp command, DiagnosticList diagnostics)
    {
        var file = command.SourceFile;
        var expected = Path.GetFileNameWithoutExtension(file);
        if (command.Name.Length == 0)
        {
            diagnostics.Error(file, 1, DiagnosticCodes.Structure, $"the page has no '# {expected}' title.");
        }
        else if (!string.Equals(command.Name, expected, StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Error(file, command.NameLine, DiagnosticCodes.Structure, $"the title '# {command.Name}' does not match the file name ({expected}.md).");
        }
        else if (command.Noun.Length == 0)
        {
            diagnostics.Error(file, command.NameLine, DiagnosticCodes.Structure, $"'{command.Name}' is not a Verb-Noun command name.");
        }
    }

    private static void ValidateExamples(CommandHelp command, DiagnosticList diagnostics)
    {
        var file = command.SourceFile;
        if (command.Examples.Count == 0)
        {
            diagnostics.Error(file, Line(command, "EXAMPLES"), DiagnosticCodes.MissingExample, $"{command.Name} has no example (a '### Example 1: ...' heading under '## EXAMPLES' with a code block).");
        }

        foreach (var example in command.Examples)
        {
            if (string.IsNullOrWhiteSpace(example.Code))
            {
                diagnostics.Error(file, example.Line, DiagnosticCodes.MissingExample, $"example '{example.Title}' has no ```powershell code block.");
            }

            if (IsBlank(example.Remarks) && IsBlank(example.Introduction))
            {
                diagnostics.Warning(file, example.Line, DiagnosticCodes.MissingExample, $"example '{example.Title}' does not say what it does.");
            }
        }
    }

    private static void ValidateParameters(CommandHelp command, DiagnosticList diagnostics)
    {
        var file = command.SourceFile;
        foreach (var parameter in command.Parameters)
        {
            if (IsBlank(parameter.Description))
            {
                diagnostics.Error(file, parameter.Line, DiagnosticCodes.MissingParameterDescription, $"parameter -{parameter.Name} has no description.");
            }

            if (parameter.Metadata.Count == 0)
            {
                diagnostics.Error(file, parameter.Line, DiagnosticCodes.ParameterMetadata, $"parameter -{parameter.Name} has no ```yaml block (Type, Parameter Sets, Required, Position, ...).");
                continue;
            }

            var types = parameter.Metadata.Select(m => m.Type).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (types.Count > 1)
            {
                diagnostics.Error(file, parameter.Metadata[1].Line, DiagnosticCodes.ParameterMetadata, $"parameter -{parameter.Name} has different types in its yaml blocks ({string.Join(", ", types)}).");
            }

            if (parameter.Metadata.Count > 1 && parameter.Metadata.Any(m => m.IsAllSets))
            {
                diagnostics.Error(file, parameter.Metadata[1].Line, DiagnosticCodes.ParameterMetadata, $"parameter -{parameter.Name} has several yaml blocks, so none of them can say 'Parameter Sets: (All)'.");
            }

            var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var metadata in parameter.Metadata)
            {
                foreach (var set in metadata.ParameterSets)
                {
                    if (seen.TryGetValue(set, out var line))
                    {
                        diagnostics.Error(file, metadata.Line, DiagnosticCodes.ParameterMetadata, $"parameter -{parameter.Name} describes set '{set}' twice (also on line {line}).");
                    }
                    else
                    {
                        seen[set] = metadata.Line;
                    }
                }

                if (metadata.IsSwitch && metadata.Position != ParameterMetadata.Named)
                {
                    diagnostics.Error(file, metadata.Line, DiagnosticCodes.ParameterMetadata, $"switch parameter -{parameter.Name} cannot have a position.");
                }
            }
        }
    }

    private static void ValidateSyntax(CommandHelp command, DiagnosticList diagnostics)
    {
        var file = command.SourceFile;
        if (command.SyntaxSets.Count == 0)
        {
            diagnostics.Error(file, Line(command, "SYNTAX"), DiagnosticCodes.Syntax, $"{command.Name} has no '## SYNTAX' with a '### ParameterSetName' and a code block.");
            return;
        }

        if (command.SyntaxSets.Count > 1 && command.SyntaxSets.Count(s => s.IsDefault) != 1)
        {
            diagnostics.Error(file, Line(command, "SYNTAX"), DiagnosticCodes.Syntax, $"{command.Name} has {command.SyntaxSets.Count} parameter sets; exactly one heading must end with '(Default)'.");
        }

        foreach (var set in command.SyntaxSets)
        {
            if (set.Code == null)
            {
                diagnostics.Error(file, set.Line, DiagnosticCodes.Syntax, $"parameter set '{set.Name}' has no code block.");
                continue;
            }

            var named = SyntaxParser.CommandName(set.Code);
            if (!string.Equals(named, command.Name, StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Error(file, set.CodeLine, DiagnosticCodes.Syntax, $"the syntax of set '{set.Name}' starts with '{named}', not {command.Name}.");
            }

            foreach (var name in set.ParameterNames.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                diagnostics.Error(file, set.CodeLine, DiagnosticCodes.Syntax, $"the syntax of set '{set.Name}' names -{name.Key} twice.");
            }

            foreach (var name in set.ParameterNames)
            {
                var parameter = command.FindParameter(name);
                if (parameter == null)
                {
                    diagnostics.Error(file, set.CodeLine, DiagnosticCodes.Syntax, $"the syntax of set '{set.Name}' names -{name}, which PARAMETERS does not document.");
                }
                else if (parameter.Metadata.Count > 0 && parameter.ForSet(set.Name) == null)
                {
                    diagnostics.Error(file, parameter.Line, DiagnosticCodes.Syntax, $"-{name} is in the syntax of set '{set.Name}', but its yaml 'Parameter Sets' does not list that set.");
                }
            }

            foreach (var parameter in command.Parameters.Where(p => p.ForSet(set.Name) != null))
            {
                if (!set.ParameterNames.Contains(parameter.Name, StringComparer.OrdinalIgnoreCase))
                {
                    diagnostics.Error(file, set.CodeLine, DiagnosticCodes.Syntax, $"-{parameter.Name} is documented for set '{set.Name}' but missing from its syntax block.");
                }
            }
        }

        var known = command.SyntaxSets.Select(s => s.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in command.Parameters)
        {
            foreach (var metadata in parameter.Metadata)
            {
                foreach (var set in metadata.ParameterSets.Where(s => s != ParameterMetadata.AllSets && !known.Contains(s)))
                {
                    diagnostics.Error(file, metadata.Line, DiagnosticCodes.Syntax, $"-{parameter.Name} names parameter set '{set}', which SYNTAX does not have.");
                }
            }
        }
    }

    private static void ValidatePlaceholders(CommandHelp command, DiagnosticList diagnostics)
    {
        var file = command.SourceFile;
        void Check(IEnumerable<string> paragraphs, int line, string where)
        {
            if (paragraphs.Any(p => p.Contains("{{", StringComparison.Ordinal) && p.Contains("}}", StringComparison.Ordinal)))
            {
                diagnostics.Error(file, line, DiagnosticCodes.Placeholder, $"{where} still holds a PlatyPS '{{{{ ... }}}}' placeholder.");
            }
        }

        Check(command.Synopsis, Line(command, "SYNOPSIS"), "the synopsis");
        Check(command.Description, Line(command, "DESCRIPTION"), "the description");
        foreach (var example in command.Examples)
        {
            Check(example.Remarks.Concat(example.Introduction).Append(example.Title).Append(example.Code ?? string.Empty), example.Line, $"example '{example.Title}'");
        }

        foreach (var parameter in command.Parameters)
        {
            Check(parameter.Description, parameter.Line, $"the description of -{parameter.Name}");
        }

        foreach (var type in command.Inputs.Concat(command.Outputs))
        {
            Check(type.Description.Append(type.TypeName), type.Line, $"type '{type.TypeName}'");
        }
    }

    private static bool IsBlank(IEnumerable<string> paragraphs) => paragraphs.All(string.IsNullOrWhiteSpace);

    private static int Line(CommandHelp command, string section) =>
        command.SectionLines.TryGetValue(section, out var line) ? line : command.NameLine;
}
