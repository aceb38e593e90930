using IoTCentral.HelpCompiler;

// Exit codes: 0 compiled, 1 a page has errors (nothing written), 2 bad command line.
var options = CompilerOptions.Parse(args, out var error);
if (options == null)
{
    Console.Error.WriteLine("IoTCentral.HelpCompiler: " + error);
    Console.Error.WriteLine(CompilerOptions.Usage);
    return 2;
}

var result = HelpCompiler.Compile(options);
foreach (var diagnostic in result.Diagnostics.Items)
{
    (diagnostic.IsError ? Console.Error : Console.Out).WriteLine(diagnostic);
}

if (!result.Succeeded)
{
    Console.Error.WriteLine(
        $"IoTCentral.HelpCompiler: {result.Diagnostics.ErrorCount} error(s), {result.Diagnostics.WarningCount} warning(s) in {options.DocsDirectory}; no help was written.");
    return 1;
}

Console.WriteLine(
    $"IoTCentral.HelpCompiler: {result.Commands.Count} cmdlet page(s) and {result.AboutTopics.Count} about topic(s) -> "
    + string.Join(", ", result.WrittenFiles.Select(Path.GetFileName))
    + $" in {options.OutputDirectory} ({result.Diagnostics.WarningCount} warning(s)).");
return 0;
