using IoTCentral.HelpCompiler.Model;

namespace IoTCentral.HelpCompiler.Parsing;

/// <summary>
/// Reads one ```yaml block of a parameter. The keys are PlatyPS's: Type, Parameter Sets, Aliases, Accepted
/// values, Required, Position, Default value, Accept pipeline input, Accept wildcard characters.
/// </summary>
public static class ParameterMetadataParser
{
    private static readonly string[] RequiredKeys =
    {
        "Type", "Parameter Sets", "Required", "Position", "Accept pipeline input", "Accept wildcard characters",
    };

    private static readonly HashSet<string> KnownKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "Type", "Parameter Sets", "Aliases", "Accepted values", "Required", "Position", "Default value",
        "Accept pipeline input", "Accept wildcard characters", "Applicable", "Dynamic",
    };

    /// <param name="yaml">The block's text.</param>
    /// <param name="firstLine">The line number of the block's first line of text (the line after the fence).</param>
    public static ParameterMetadata Parse(string yaml, int firstLine, string file, string parameter, DiagnosticList diagnostics)
    {
        var metadata = new ParameterMetadata { Line = firstLine - 1 };
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var number = firstLine + i;
            if (line.Length == 0)
            {
                continue;
            }

            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                Error(diagnostics, file, number, parameter, $"'{line}' is not 'Key: value'.");
                continue;
            }

            var key = line.Substring(0, colon).Trim();
            var value = line.Substring(colon + 1).Trim();
            if (!KnownKeys.Contains(key))
            {
                Error(diagnostics, file, number, parameter, $"unknown key '{key}'; expected one of {string.Join(", ", KnownKeys.Take(9))}.");
                continue;
            }

            if (seen.ContainsKey(key))
            {
                Error(diagnostics, file, number, parameter, $"'{key}' is given twice in one block (first on line {seen[key]}).");
                continue;
            }

            seen[key] = number;
            Apply(metadata, key, value, number, file, parameter, diagnostics);
        }

        foreach (var key in RequiredKeys.Where(k => !seen.ContainsKey(k)))
        {
            Error(diagnostics, file, metadata.Line, parameter, $"the yaml block has no '{key}:' line.");
        }

        return metadata;
    }

    private static void Apply(ParameterMetadata metadata, string key, string value, int line, string file, string parameter, DiagnosticList diagnostics)
    {
        switch (key.ToLowerInvariant())
        {
            case "type":
                if (value.Length == 0 || value.Contains(' '))
                {
                    Error(diagnostics, file, line, parameter, $"Type must be a type name such as String or SwitchParameter, not '{value}'.");
                }

                metadata.Type = value;
                break;
            case "parameter sets":
                metadata.ParameterSets.AddRange(List(value));
                if (metadata.ParameterSets.Count == 0)
                {
                    Error(diagnostics, file, line, parameter, "Parameter Sets is empty; name the sets, or write (All).");
                }
                else if (metadata.ParameterSets.Contains(ParameterMetadata.AllSets) && metadata.ParameterSets.Count > 1)
                {
                    Error(diagnostics, file, line, parameter, "Parameter Sets cannot mix (All) with set names.");
                }

                break;
            case "aliases":
                metadata.Aliases.AddRange(List(value));
                break;
            case "accepted values":
                metadata.AcceptedValues.AddRange(List(value));
                break;
            case "required":
                metadata.Required = Boolean(value, line, file, parameter, key, diagnostics);
                break;
            case "position":
                if (string.Equals(value, ParameterMetadata.Named, StringComparison.OrdinalIgnoreCase))
                {
                    metadata.Position = ParameterMetadata.Named;
                }
                else if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var position))
                {
                    metadata.Position = position.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                else
                {
                    Error(diagnostics, file, line, parameter, $"Position must be Named or a number, not '{value}'.");
                }

                break;
            case "default value":
                metadata.DefaultValue = value.Length == 0 ? "None" : value;
                break;
            case "accept pipeline input":
                ParsePipeline(metadata, value, line, file, parameter, diagnostics);
                break;
            case "accept wildcard characters":
                metadata.Globbing = Boolean(value, line, file, parameter, key, diagnostics);
                break;
        }
    }

    private static void ParsePipeline(ParameterMetadata metadata, string value, int line, string file, string parameter, DiagnosticList diagnostics)
    {
        if (string.Equals(value, "False", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var open = value.IndexOf('(');
        var head = (open < 0 ? value : value.Substring(0, open)).Trim();
        if (!string.Equals(head, "True", StringComparison.OrdinalIgnoreCase) || open < 0 || !value.EndsWith(')'))
        {
            Error(diagnostics, file, line, parameter, $"Accept pipeline input must be False, True (ByValue), True (ByPropertyName) or True (ByValue, ByPropertyName), not '{value}'.");
            return;
        }

        foreach (var kind in List(value.Substring(open + 1, value.Length - open - 2)))
        {
            if (string.Equals(kind, "ByValue", StringComparison.OrdinalIgnoreCase))
            {
                metadata.PipelineByValue = true;
            }
            else if (string.Equals(kind, "ByPropertyName", StringComparison.OrdinalIgnoreCase))
            {
                metadata.PipelineByPropertyName = true;
            }
            else
            {
                Error(diagnostics, file, line, parameter, $"'{kind}' is not a pipeline input kind; use ByValue or ByPropertyName.");
            }
        }

        if (!metadata.PipelineByValue && !metadata.PipelineByPropertyName)
        {
            Error(diagnostics, file, line, parameter, "Accept pipeline input is True but names neither ByValue nor ByPropertyName.");
        }
    }

    private static bool Boolean(string value, int line, string file, string parameter, string key, DiagnosticList diagnostics)
    {
        if (bool.TryParse(value, out var result))
        {
            return result;
        }

        Error(diagnostics, file, line, parameter, $"{key} must be True or False, not '{value}'.");
        return false;
    }

    private static IEnumerable<string> List(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(v => !string.Equals(v, "None", StringComparison.OrdinalIgnoreCase));

    private static void Error(DiagnosticList diagnostics, string file, int line, string parameter, string message) =>
        diagnostics.Error(file, line, DiagnosticCodes.ParameterMetadata, $"-{parameter}: malformed parameter yaml: {message}");
}
