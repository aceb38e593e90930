using System.Text.RegularExpressions;

namespace IoTCentral.HelpCompiler.Markdown;

/// <summary>
/// Turns inline markdown into the plain text the console shows: code spans and bold lose their markers,
/// links keep their text (and an absolute address in brackets), backslash escapes are resolved.
/// </summary>
public static partial class InlineText
{
    public static string ToPlainText(string markdown)
    {
        var parts = CodeSpan().Split(markdown);

        // Split with a capturing group alternates: text, fence, code, text, fence, code, ...
        var result = new System.Text.StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i % 3 == 0)
            {
                result.Append(PlainSpan(parts[i]));
            }
            else if (i % 3 == 2)
            {
                result.Append(parts[i].Trim());
            }
        }

        return result.ToString();
    }

    private static string PlainSpan(string text)
    {
        text = Link().Replace(text, m =>
        {
            var label = m.Groups["text"].Value;
            var target = m.Groups["uri"].Value;
            return IsAbsolute(target) && !string.Equals(label, target, StringComparison.OrdinalIgnoreCase)
                ? label + " (" + target + ")"
                : label;
        });
        text = AutoLink().Replace(text, "$1");
        text = Bold().Replace(text, "$2");
        text = Escape().Replace(text, "$1");
        return text;
    }

    public static bool IsAbsolute(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps);

    [GeneratedRegex(@"(`+)(.+?)\1")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\((?<uri>[^)\s]*)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"<(https?://[^>\s]+)>")]
    private static partial Regex AutoLink();

    [GeneratedRegex(@"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")]
    private static partial Regex Bold();

    [GeneratedRegex(@"\\([\\`*_{}\[\]()#+\-.!<>|])")]
    private static partial Regex Escape();
}
