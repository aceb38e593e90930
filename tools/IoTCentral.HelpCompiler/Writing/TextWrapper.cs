using System.Text;

namespace IoTCentral.HelpCompiler.Writing;

/// <summary>Word-wraps plain text to a width, with a first-line indent and a hanging indent.</summary>
public static class TextWrapper
{
    public static void Append(StringBuilder output, string text, int width, string indent, string? hangingIndent = null)
    {
        hangingIndent ??= indent;
        var line = new StringBuilder(indent);
        var lineHasWord = false;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (lineHasWord && line.Length + 1 + word.Length > width)
            {
                output.Append(line.ToString().TrimEnd()).Append('\n');
                line.Clear().Append(hangingIndent);
                lineHasWord = false;
            }

            if (lineHasWord)
            {
                line.Append(' ');
            }

            line.Append(word);
            lineHasWord = true;
        }

        if (lineHasWord)
        {
            output.Append(line.ToString().TrimEnd()).Append('\n');
        }
    }
}
