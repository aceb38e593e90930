using System.Text.RegularExpressions;
using IoTCentral.HelpCompiler.Markdown;
using IoTCentral.HelpCompiler.Model;

namespace IoTCentral.HelpCompiler.Parsing;

/// <summary>
/// Reads the [text](address) links of RELATED LINKS. An absolute http(s) address is kept; a relative one
/// (a sibling page such as Get-Thing.md) becomes an empty address, because Get-Help resolves those by name.
/// </summary>
public static partial class LinkParser
{
    public static List<RelatedLink> Parse(string text) =>
        Link().Matches(text)
            .Select(m => new RelatedLink(
                InlineText.ToPlainText(m.Groups["text"].Value),
                InlineText.IsAbsolute(m.Groups["uri"].Value) ? m.Groups["uri"].Value : string.Empty))
            .ToList();

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\((?<uri>[^)\s]*)\)")]
    private static partial Regex Link();
}
