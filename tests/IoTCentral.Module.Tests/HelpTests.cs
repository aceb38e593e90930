using System.Management.Automation;
using System.Text.RegularExpressions;

namespace IoTCentral.Module.Tests;

/// <summary>Every exported cmdlet has a PlatyPS page that matches it, and Get-Help shows it in PowerShell.</summary>
public sealed class HelpTests : IDisposable
{
    private static readonly HashSet<string> CommonParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable",
        "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable",
    };

    private readonly PowerShellHost shell = new();

    public void Dispose() => shell.Dispose();

    private List<CommandInfo> ExportedCmdlets()
    {
        var result = shell.Run("Get-Command -Module IoTCentral");
        result.AssertNoErrors();
        return result.Output.Select(o => (CommandInfo)o.BaseObject).ToList();
    }

    [Fact]
    public void The_manifest_exports_every_cmdlet_the_assembly_declares()
    {
        var declared = shell.Run("(Get-Module IoTCentral).ImplementingAssembly.GetTypes() | Where-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false).Count -gt 0 } | ForEach-Object { $a = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]; $a.VerbName + '-' + $a.NounName }");
        declared.AssertNoErrors();
        var exported = ExportedCmdlets().Select(c => c.Name).OrderBy(n => n).ToList();
        Assert.Equal(declared.Output.Select(o => (string)o.BaseObject).OrderBy(n => n).ToList(), exported);
        Assert.True(exported.Count >= 13);
    }

    [Fact]
    public void Every_cmdlet_has_a_page_documenting_exactly_its_parameters()
    {
        foreach (var command in ExportedCmdlets())
        {
            var page = Path.Combine(TestPaths.Docs, "en-US", command.Name + ".md");
            Assert.True(File.Exists(page), "no help page for " + command.Name);
            var text = File.ReadAllText(page);
            var documented = Regex.Matches(text, @"^### -(\w+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var actual = command.Parameters.Keys.Where(p => !CommonParameters.Contains(p)).ToHashSet(StringComparer.OrdinalIgnoreCase);
            Assert.True(actual.SetEquals(documented), $"{command.Name}: parameters {string.Join(",", actual.OrderBy(x => x))} but page documents {string.Join(",", documented.OrderBy(x => x))}");
            foreach (var set in command.ParameterSets.Where(s => command.ParameterSets.Count > 1))
            {
                Assert.Contains("### " + set.Name, text);
            }
        }
    }

    [Fact]
    public void Get_Help_shows_synopsis_and_examples_for_every_cmdlet()
    {
        foreach (var command in ExportedCmdlets())
        {
            var result = shell.Run($"Get-Help {command.Name} -Full");
            result.AssertNoErrors();
            var help = Assert.Single(result.Output);
            var synopsis = help.Properties["Synopsis"].Value?.ToString() ?? string.Empty;
            Assert.False(string.IsNullOrWhiteSpace(synopsis), command.Name + " has no synopsis");
            // Without a help file PowerShell makes up a "synopsis" from the syntax, which starts with the name.
            Assert.False(synopsis.TrimStart().StartsWith(command.Name, StringComparison.OrdinalIgnoreCase), command.Name + " has only generated help");

            var examples = shell.Run($"(Get-Help {command.Name} -Examples).examples.example");
            examples.AssertNoErrors();
            Assert.True(examples.Output.Count >= 1, command.Name + " has no examples in compiled help");
        }
    }
}
