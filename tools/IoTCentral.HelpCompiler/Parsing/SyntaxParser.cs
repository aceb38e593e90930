using System.Text.RegularExpressions;

namespace IoTCentral.HelpCompiler.Parsing;

/// <summary>Reads a SYNTAX code block such as "Get-Thing [-Name] &lt;String&gt; [-Force] [&lt;CommonParameters&gt;]".</summary>
public static partial class SyntaxParser
{
    /// <summary>The command name the block starts with, or an empty string.</summary>
    public static string CommandName(string code)
    {
        var match = Command().Match(code);
        return match.Success ? match.Groups[1].Value : string.Empty;
    }

    /// <summary>The parameter names, in order, without the dash; &lt;CommonParameters&gt; is not one.</summary>
    public static List<string> ParameterNames(string code) =>
        Parameter().Matches(code).Select(m => m.Groups[1].Value).ToList();

    public static bool MentionsCommonParameters(string code) =>
        code.Contains("<CommonParameters>", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^\s*([A-Za-z][\w]*-[\w]+)")]
    private static partial Regex Command();

    [GeneratedRegex(@"(?<=[\s\[])-([A-Za-z][\w]*)")]
    private static partial Regex Parameter();
}
