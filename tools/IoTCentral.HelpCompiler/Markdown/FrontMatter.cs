namespace IoTCentral.HelpCompiler.Markdown;

/// <summary>The YAML front matter of a page ("key: value" lines between two "---" lines).</summary>
public sealed class FrontMatter
{
    public bool Present { get; init; }

    public int Line { get; init; } = 1;

    /// <summary>The zero-based index of the first line after the front matter.</summary>
    public int BodyStart { get; init; }

    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Values with their line numbers, for messages.</summary>
    public IReadOnlyDictionary<string, int> Lines { get; init; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Lines that are not "key: value", by line number.</summary>
    public IReadOnlyList<int> MalformedLines { get; init; } = Array.Empty<int>();

    /// <summary>True when the opening "---" has no closing one.</summary>
    public bool Unterminated { get; init; }

    public static FrontMatter Read(IReadOnlyList<string> lines)
    {
        var first = 0;
        while (first < lines.Count && lines[first].Trim().Length == 0)
        {
            first++;
        }

        if (first >= lines.Count || lines[first].Trim() != "---")
        {
            return new FrontMatter { Present = false, BodyStart = 0 };
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var lineNumbers = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var malformed = new List<int>();
        for (var i = first + 1; i < lines.Count; i++)
        {
            var text = lines[i];
            if (text.Trim() == "---")
            {
                return new FrontMatter
                {
                    Present = true,
                    Line = first + 1,
                    BodyStart = i + 1,
                    Values = values,
                    Lines = lineNumbers,
                    MalformedLines = malformed,
                };
            }

            if (text.Trim().Length == 0 || text.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var colon = text.IndexOf(':');
            if (colon <= 0)
            {
                malformed.Add(i + 1);
                continue;
            }

            var key = text.Substring(0, colon).Trim();
            var value = text.Substring(colon + 1).Trim();
            if (value.Length >= 2 && (value[0] == '\'' || value[0] == '"') && value[^1] == value[0])
            {
                value = value.Substring(1, value.Length - 2);
            }

            values[key] = value;
            lineNumbers[key] = i + 1;
        }

        return new FrontMatter { Present = true, Line = first + 1, BodyStart = lines.Count, Unterminated = true, Values = values, Lines = lineNumbers, MalformedLines = malformed };
    }
}
