using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using IoTCentral.HelpCompiler.Model;
using IoTCentral.HelpCompiler.Writing;

namespace IoTCentral.HelpCompiler.Tests;

public sealed class CompilerTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private static string ToolPath => typeof(HelpCompiler).Assembly.Location;

    private static (int ExitCode, string Output, string Error) RunTool(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(ToolPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "the help compiler did not finish");
        return (process.ExitCode, output.Result, error.Result);
    }

    private static readonly string[] DocumentedCmdlets =
    {
        "Connect-IoTCentral", "Get-IoTCentralSession", "Disconnect-IoTCentral", "Get-IoTCentralRole",
        "Get-IoTCentralApiToken", "New-IoTCentralApiToken", "Remove-IoTCentralApiToken", "Get-IoTCentralDevice",
        "New-IoTCentralDevice", "Set-IoTCentralDevice", "Remove-IoTCentralDevice", "Get-IoTCentralDeviceCredential",
        "Invoke-IoTCentralRestMethod",
    };

    [Fact]
    public void The_repository_docs_compile_without_errors_or_warnings_and_document_exported_cmdlets()
    {
        var output = temp.Combine("en-US");
        var result = HelpCompiler.Compile(new CompilerOptions(TestRepo.Docs, output, "IoTCentral"));

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Items));
        Assert.Empty(result.Diagnostics.Items);

        // Every page is for a cmdlet the manifest exports (the module tests check the converse against the
        // built module), and the module's core cmdlets all have one.
        var manifest = File.ReadAllText(Path.Combine(TestRepo.Root, "IoTCentral.psd1"));
        var exportBlock = Regex.Match(manifest, @"CmdletsToExport\s*=\s*@\((?<names>[^)]*)\)").Groups["names"].Value;
        var exported = Regex.Matches(exportBlock, @"'([\w-]+)'").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var documented = result.Commands.Select(c => c.Name).ToList();
        Assert.All(documented, name => Assert.True(exported.Contains(name), name + " has a page but IoTCentral.psd1 does not export it"));
        Assert.All(DocumentedCmdlets, name => Assert.Contains(name, documented));

        var maml = XDocument.Load(Path.Combine(output, "IoTCentral.dll-Help.xml"));
        XNamespace command = MamlNamespaces.Command;
        Assert.Equal(
            documented.OrderBy(n => n),
            maml.Root!.Elements(command + "command").Select(c => c.Element(command + "details")!.Element(command + "name")!.Value).OrderBy(n => n));
        Assert.True(File.Exists(Path.Combine(output, "about_IoTCentral.help.txt")));
        Assert.Equal(new[] { "about_IoTCentral" }, result.AboutTopics.Select(t => t.Name));
    }

    [Fact]
    public void Every_repository_page_documents_its_cmdlet_fully()
    {
        var result = HelpCompiler.Compile(new CompilerOptions(TestRepo.Docs, temp.Combine("out"), "IoTCentral"));

        foreach (var page in result.Commands)
        {
            // What the brief promises users: examples, typed outputs, notes, links to siblings, -Session on
            // every cmdlet that talks to the service, and -WhatIf/-Confirm wherever the cmdlet changes state.
            Assert.True(page.Examples.Count >= 1, page.Name);
            Assert.True(page.Outputs.Count > 0, page.Name + " has no OUTPUTS");
            Assert.True(page.Notes.Count > 0, page.Name + " has no NOTES");
            Assert.Contains(page.Links, l => l.Text.EndsWith("IoTCentral", StringComparison.Ordinal) || l.Text.Contains("-IoTCentral", StringComparison.Ordinal));
            Assert.True(page.HasCommonParameters, page.Name);

            // Every New/Set/Remove must rehearse; other verbs may (starting a process, running a command). A cmdlet
            // that only computes a value here (like New-Guid) changes nothing and talks to no application.
            var localOnly = page.Name is "New-IoTCentralDeviceKey";
            var mustRehearse = !localOnly && (page.Verb is "New" or "Set" or "Remove" || page.Name is "Invoke-IoTCentralRestMethod" or "Invoke-IoTCentralCommand");
            var rehearses = page.FindParameter("WhatIf") != null;
            Assert.True(!mustRehearse || rehearses, page.Name + " has no -WhatIf");
            Assert.Equal(rehearses, page.FindParameter("Confirm") != null);
            if (page.Verb is "Get" && page.Name != "Get-IoTCentralSession")
            {
                Assert.False(rehearses, page.Name + " reads but has -WhatIf");
            }

            // Sessions and the local emulator exist before any application session does.
            if (!localOnly && page.Name is not ("Connect-IoTCentral" or "Get-IoTCentralSession") && !page.Name.EndsWith("-IoTCentralEmulator", StringComparison.Ordinal))
            {
                var session = page.FindParameter("Session");
                Assert.True(session != null, page.Name + " has no -Session");
                // Application cmdlets act through Azure Resource Manager, so theirs is the management session.
                var expected = page.Name.Contains("-IoTCentralApplication", StringComparison.Ordinal) ? "IoTCentralManagementSession" : "IoTCentralSession";
                Assert.Equal(expected, session!.Metadata.Single().Type);
            }

            if (page.Verb == "Remove")
            {
                Assert.NotNull(page.FindParameter("Force"));
            }
        }

        var text = string.Join("\n", Directory.GetFiles(TestRepo.Docs, "*.md").Select(File.ReadAllText));
        Assert.Contains("Get-AutomationVariable", text);
        Assert.Contains("Get-AutomationPSCredential", text);
        Assert.DoesNotMatch(@"SharedAccessSignature sr=[^.\s""']{4,}", text);
    }

    [Fact]
    public void The_tool_writes_the_help_files_and_exits_zero()
    {
        temp.Write(Path.Combine("docs", "Set-Widget.md"), SamplePages.Widget);
        temp.Write(Path.Combine("docs", "about_Widgets.md"), SamplePages.AboutWidgets);

        var (exitCode, output, error) = RunTool(temp.Combine("docs"), temp.Combine("out", "en-US"), "--module-name", "IoTCentral");

        Assert.True(exitCode == 0, error);
        Assert.Contains("1 cmdlet page(s) and 1 about topic(s)", output);
        Assert.True(File.Exists(temp.Combine("out", "en-US", "IoTCentral.dll-Help.xml")));
        Assert.True(File.Exists(temp.Combine("out", "en-US", "about_Widgets.help.txt")));
    }

    [Fact]
    public void A_broken_page_fails_with_file_and_line_and_writes_nothing()
    {
        var page = SamplePages.Replace(SamplePages.Widget, "The widget's id.\n", string.Empty);
        page = SamplePages.Cut(page, "### Example 1", "## PARAMETERS");
        temp.Write(Path.Combine("docs", "Set-Widget.md"), page);

        var (exitCode, _, error) = RunTool(temp.Combine("docs"), temp.Combine("out"));

        Assert.Equal(1, exitCode);
        var file = Path.Combine("docs", "Set-Widget.md");
        Assert.Contains($"Set-Widget.md:{SamplePages.LineOf(page, "## EXAMPLES")}: error HC004: Set-Widget has no example", error);
        Assert.Contains($"Set-Widget.md:{SamplePages.LineOf(page, "### -Id")}: error HC005: parameter -Id has no description.", error);
        Assert.Contains("2 error(s)", error);
        Assert.False(Directory.Exists(temp.Combine("out")), "nothing may be written when a page has errors");
    }

    [Fact]
    public void A_wrong_command_line_exits_two_with_the_usage()
    {
        var (exitCode, _, error) = RunTool(temp.Path);

        Assert.Equal(2, exitCode);
        Assert.Contains("usage: dotnet IoTCentral.HelpCompiler.dll <docsDir> <outputDir>", error);
    }

    [Fact]
    public void A_missing_or_empty_docs_folder_is_an_error()
    {
        var missing = HelpCompiler.Compile(new CompilerOptions(temp.Combine("nope"), temp.Combine("out"), "IoTCentral"));
        Assert.Contains(missing.Diagnostics.Items, d => d.IsError && d.Message.Contains("does not exist"));

        Directory.CreateDirectory(temp.Combine("empty"));
        var empty = HelpCompiler.Compile(new CompilerOptions(temp.Combine("empty"), temp.Combine("out"), "IoTCentral"));
        Assert.Contains(empty.Diagnostics.Items, d => d.IsError && d.Message.Contains("no cmdlet page"));
        Assert.False(Directory.Exists(temp.Combine("out")));
    }

    [Fact]
    public void The_module_name_option_names_the_help_file()
    {
        var page = SamplePages.Replace(SamplePages.Widget, "external help file: IoTCentral.dll-Help.xml", "external help file: Widgets.dll-Help.xml");
        page = SamplePages.Replace(page, "Module Name: IoTCentral", "Module Name: Widgets");
        temp.Write(Path.Combine("docs", "Set-Widget.md"), page);

        var options = CompilerOptions.Parse(new[] { temp.Combine("docs"), temp.Combine("out"), "--module-name", "Widgets" }, out var error);
        Assert.Null(error);
        var result = HelpCompiler.Compile(options!);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Items));
        Assert.Equal(new[] { temp.Combine("out", "Widgets.dll-Help.xml") }, result.WrittenFiles);
    }

    [Theory]
    [InlineData(new[] { "docs" }, "expected a docs folder and an output folder.")]
    [InlineData(new[] { "docs", "out", "--module-name" }, "--module-name needs a value.")]
    [InlineData(new[] { "docs", "out", "--verbose" }, "unknown option '--verbose'.")]
    public void Bad_arguments_are_explained(string[] args, string message)
    {
        Assert.Null(CompilerOptions.Parse(args, out var error));
        Assert.Equal(message, error);
    }

    [Fact]
    public void The_module_name_defaults_to_iotcentral()
    {
        var options = CompilerOptions.Parse(new[] { "docs/en-US", "out/IoTCentral/en-US" }, out _);

        Assert.Equal(new CompilerOptions("docs/en-US", "out/IoTCentral/en-US", "IoTCentral"), options);
    }
}
