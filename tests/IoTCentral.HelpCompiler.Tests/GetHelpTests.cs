using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace IoTCentral.HelpCompiler.Tests;

/// <summary>
/// The compiled MAML and about text read by Get-Help in a real PowerShell 7 engine (NuGet
/// System.Management.Automation). A function with an .ExternalHelp comment stands in for the cmdlet: Get-Help
/// reads its MAML through the same provider as a cmdlet's.
/// </summary>
public sealed class GetHelpTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly PowerShell shell = PowerShell.Create(InitialSessionState.CreateDefault2());

    public GetHelpTests()
    {
        temp.Write(Path.Combine("docs", "Set-Widget.md"), SamplePages.Widget);
        temp.Write(Path.Combine("docs", "about_Widgets.md"), SamplePages.AboutWidgets);
        var output = temp.Combine("out");
        var result = HelpCompiler.Compile(new CompilerOptions(temp.Combine("docs"), output, "IoTCentral"));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Items));
        var maml = Path.Combine(output, "IoTCentral.dll-Help.xml");
        Run("function Set-Widget {\n<#\n.ExternalHelp " + maml + "\n#>\n[CmdletBinding(SupportsShouldProcess)] param([string] $Name) }");
    }

    public void Dispose()
    {
        shell.Dispose();
        temp.Dispose();
    }

    private List<PSObject> Run(string script)
    {
        shell.Commands.Clear();
        shell.Streams.ClearStreams();
        shell.AddScript(script);
        var output = shell.Invoke().ToList();
        Assert.Empty(shell.Streams.Error);
        return output;
    }

    private string Text(string script) => string.Join("\n", Run(script).Select(o => o?.ToString()));

    [Fact]
    public void Full_help_has_the_synopsis_description_syntax_and_parameters()
    {
        Assert.Equal("Changes a widget's <colour> & size.", Text("(Get-Help Set-Widget -Full).Synopsis"));
        Assert.Equal(
            "Set-Widget changes widgets. It sends a PATCH request; see Get-Widget.\n\n- First point.\n- Second point.",
            Text("(Get-Help Set-Widget -Full).description | ForEach-Object { $_.Text }"));
        Assert.Equal("3", Text("@((Get-Help Set-Widget -Full).syntax.syntaxItem).Count"));
        Assert.Equal("Name,Id,All,Colour,Force,WhatIf,Confirm", Text("(Get-Help Set-Widget -Full).parameters.parameter.name -join ','"));
        Assert.Equal("Contoso.Widget,None", Text("(Get-Help Set-Widget -Full).returnValues.returnValue.type.name -join ','"));
        Assert.Equal("System.String", Text("(Get-Help Set-Widget -Full).inputTypes.inputType.type.name"));
        Assert.Equal("Needs the Painter role.", Text("(Get-Help Set-Widget -Full).alertSet.alert.Text"));
        Assert.Equal("Online Version:,Get-Widget,Widget docs", Text("(Get-Help Set-Widget -Full).relatedLinks.navigationLink.linkText -join ','"));
    }

    [Fact]
    public void Examples_show_title_code_and_remarks()
    {
        Assert.Equal("2", Text("@((Get-Help Set-Widget -Examples).examples.example).Count"));
        Assert.Equal("--------- Example 1: Paint a widget ---------", Text("(Get-Help Set-Widget -Examples).examples.example[0].title"));
        Assert.Equal("Set-Widget -Name w1 -Colour red", Text("(Get-Help Set-Widget -Examples).examples.example[0].code"));
        Assert.Equal("Paints the widget red.", Text("(Get-Help Set-Widget -Examples).examples.example[0].remarks[0].Text"));
        Assert.Equal("All widgets are blue now.", Text("(Get-Help Set-Widget -Examples).examples.example[1].remarks[1].Text"));
        Assert.Equal("Before the code, an introduction.", Text("(Get-Help Set-Widget -Examples).examples.example[1].introduction.Text"));
    }

    [Fact]
    public void Parameter_help_shows_required_position_pipeline_input_aliases_and_wildcards()
    {
        Assert.Equal(
            "Name|true|0|True (ByValue, ByPropertyName)|true|WidgetName, N|The widget's name. Wildcards are allowed.",
            Text("$p = Get-Help Set-Widget -Parameter Name; $p.name, $p.required, $p.position, $p.pipelineInput, $p.globbing, $p.aliases, $p.description[0].Text -join '|'"));
        Assert.Equal(
            "false|named|False|green|String",
            Text("$p = Get-Help Set-Widget -Parameter Colour; $p.required, $p.position, $p.pipelineInput, $p.defaultValue, $p.type.name -join '|'"));
    }

    [Fact]
    public void Get_help_finds_the_about_topic_of_a_module_and_takes_its_short_description_as_synopsis()
    {
        var module = temp.Combine("modules", "Widgets");
        Directory.CreateDirectory(Path.Combine(module, "en-US"));
        File.WriteAllText(Path.Combine(module, "Widgets.psd1"), "@{ ModuleVersion = '1.0.0' }");
        File.Copy(temp.Combine("out", "about_Widgets.help.txt"), Path.Combine(module, "en-US", "about_Widgets.help.txt"));

        Run($"$env:PSModulePath = '{temp.Combine("modules")}'");

        var topic = Assert.Single(Run("Get-Help about_Widgets"));
        Assert.StartsWith("TOPIC", topic.ToString());
        Assert.Contains("Widgets are small things", topic.ToString());

        // Listed among several topics, each shows its synopsis, which PowerShell reads from line 5.
        File.Copy(temp.Combine("out", "about_Widgets.help.txt"), Path.Combine(module, "en-US", "about_WidgetsAgain.help.txt"));
        Assert.Equal("about_Widgets=Explains widgets.", Text("Get-Help about_Widgets* | Where-Object Name -eq about_Widgets | ForEach-Object { $_.Name + '=' + $_.Synopsis }"));
    }
}
