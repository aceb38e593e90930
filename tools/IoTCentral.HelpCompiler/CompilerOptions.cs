namespace IoTCentral.HelpCompiler;

/// <summary>The command line: &lt;docsDir&gt; &lt;outputDir&gt; [--module-name IoTCentral].</summary>
public sealed record CompilerOptions(string DocsDirectory, string OutputDirectory, string ModuleName)
{
    public const string DefaultModuleName = "IoTCentral";

    public const string Usage = "usage: dotnet IoTCentral.HelpCompiler.dll <docsDir> <outputDir> [--module-name IoTCentral]";

    /// <summary>Parses the arguments; returns null and an error message when they do not fit.</summary>
    public static CompilerOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        var positional = new List<string>();
        var moduleName = DefaultModuleName;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--module-name" or "-m")
            {
                if (i + 1 >= args.Count || string.IsNullOrWhiteSpace(args[i + 1]))
                {
                    error = "--module-name needs a value.";
                    return null;
                }

                moduleName = args[++i];
            }
            else if (arg.StartsWith("--module-name=", StringComparison.Ordinal))
            {
                moduleName = arg.Substring("--module-name=".Length);
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                error = $"unknown option '{arg}'.";
                return null;
            }
            else
            {
                positional.Add(arg);
            }
        }

        if (positional.Count != 2)
        {
            error = "expected a docs folder and an output folder.";
            return null;
        }

        return new CompilerOptions(positional[0], positional[1], moduleName);
    }
}
