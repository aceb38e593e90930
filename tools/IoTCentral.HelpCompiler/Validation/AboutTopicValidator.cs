using IoTCentral.HelpCompiler.Model;

namespace IoTCentral.HelpCompiler.Validation;

/// <summary>An about topic needs its "# about_Name" title (matching the file), a short and a long description.</summary>
public static class AboutTopicValidator
{
    /// <summary>PowerShell takes line 5 of the text file as the synopsis; the writer wraps at 80 with 4 spaces of indent.</summary>
    public const int MaxShortDescription = 76;

    public static void Validate(AboutTopic topic, DiagnosticList diagnostics)
    {
        var file = topic.SourceFile;
        var expected = Path.GetFileNameWithoutExtension(file);
        if (topic.Name.Length == 0)
        {
            diagnostics.Error(file, 1, DiagnosticCodes.AboutTopic, $"the about topic has no '# {expected}' title.");
        }
        else if (!string.Equals(topic.Name, expected, StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Error(file, topic.NameLine, DiagnosticCodes.AboutTopic, $"the title '# {topic.Name}' does not match the file name ({expected}.md).");
        }

        if (string.IsNullOrWhiteSpace(topic.ShortDescription))
        {
            diagnostics.Error(file, topic.NameLine, DiagnosticCodes.AboutTopic, "the about topic has no '## SHORT DESCRIPTION' paragraph.");
        }
        else if (topic.ShortDescription.Length > MaxShortDescription)
        {
            diagnostics.Warning(file, topic.NameLine, DiagnosticCodes.AboutTopic, $"the short description has {topic.ShortDescription.Length} characters; Get-Help shows only its first line ({MaxShortDescription} characters) as the topic's synopsis.");
        }

        if (!topic.HasLongDescription)
        {
            diagnostics.Error(file, topic.NameLine, DiagnosticCodes.AboutTopic, "the about topic has no '## LONG DESCRIPTION' section.");
        }
    }
}
