using System.Text;
using IoTCentral.HelpCompiler.Model;
using IoTCentral.HelpCompiler.Parsing;
using IoTCentral.HelpCompiler.Validation;
using IoTCentral.HelpCompiler.Writing;

namespace IoTCentral.HelpCompiler;

/// <summary>
/// Reads every *.md page of a docs folder (about_*.md as about topics, the rest as cmdlet pages), validates
/// them and, only when none has an error, writes &lt;Module&gt;.dll-Help.xml and about_*.help.txt.
/// </summary>
public static class HelpCompiler
{
    public static CompileResult Compile(CompilerOptions options)
    {
        var result = new CompileResult();
        if (!Directory.Exists(options.DocsDirectory))
        {
            result.Diagnostics.Error(options.DocsDirectory, 0, DiagnosticCodes.Structure, "the docs folder does not exist.");
            return result;
        }

        var pages = Directory.GetFiles(options.DocsDirectory, "*.md").OrderBy(p => Path.GetFileName(p), StringComparer.OrdinalIgnoreCase).ToList();
        var validator = new CommandHelpValidator(options.ModuleName);
        foreach (var page in pages)
        {
            var file = DisplayPath(page);
            var text = File.ReadAllText(page, Encoding.UTF8);
            if (Path.GetFileName(page).StartsWith("about_", StringComparison.OrdinalIgnoreCase))
            {
                var topic = AboutPageParser.Parse(file, text, result.Diagnostics);
                AboutTopicValidator.Validate(topic, result.Diagnostics);
                result.AboutTopics.Add(topic);
            }
            else
            {
                var command = CommandPageParser.Parse(file, text, result.Diagnostics);
                validator.Validate(command, result.Diagnostics);
                result.Commands.Add(command);
            }
        }

        foreach (var duplicate in result.Commands.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Key.Length > 0 && g.Count() > 1))
        {
            result.Diagnostics.Error(duplicate.Last().SourceFile, duplicate.Last().NameLine, DiagnosticCodes.Duplicate, $"{duplicate.Key} is documented by more than one page.");
        }

        if (result.Commands.Count == 0)
        {
            result.Diagnostics.Error(DisplayPath(options.DocsDirectory), 0, DiagnosticCodes.Structure, "the docs folder has no cmdlet page (*.md).");
        }

        if (!result.Succeeded)
        {
            return result;
        }

        Directory.CreateDirectory(options.OutputDirectory);
        var helpFile = Path.Combine(options.OutputDirectory, validator.HelpFileName);
        MamlWriter.WriteToFile(result.Commands, helpFile);
        result.WrittenFiles.Add(helpFile);
        foreach (var topic in result.AboutTopics)
        {
            var path = Path.Combine(options.OutputDirectory, topic.Name + ".help.txt");
            File.WriteAllText(path, AboutTextWriter.Write(topic), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            result.WrittenFiles.Add(path);
        }

        return result;
    }

    private static string DisplayPath(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? Path.GetFullPath(path) : relative;
    }
}
