using IoTCentral.HelpCompiler.Model;
using IoTCentral.HelpCompiler.Parsing;

namespace IoTCentral.HelpCompiler.Tests;

public sealed class CommandPageParserTests
{
    private static (CommandHelp Command, DiagnosticList Diagnostics) Parse(string page)
    {
        var diagnostics = new DiagnosticList();
        var command = CommandPageParser.Parse("Set-Widget.md", page, diagnostics);
        return (command, diagnostics);
    }

    [Fact]
    public void Reads_the_front_matter_title_synopsis_and_description()
    {
        var (command, diagnostics) = Parse(SamplePages.Widget);

        Assert.Empty(diagnostics.Items);
        Assert.Equal("Set-Widget", command.Name);
        Assert.Equal("Set", command.Verb);
        Assert.Equal("Widget", command.Noun);
        Assert.Equal(SamplePages.LineOf(SamplePages.Widget, "# Set-Widget"), command.NameLine);
        Assert.Equal("IoTCentral.dll-Help.xml", command.FrontMatter["external help file"]);
        Assert.Equal("2.0.0", command.FrontMatter["schema"]);
        Assert.Equal("https://example.test/Set-Widget", command.OnlineVersion);
        Assert.Equal(new[] { "Changes a widget's <colour> & size." }, command.Synopsis);

        // Soft-wrapped lines join into one paragraph; code spans and bold lose their markers, links keep their
        // text; the items of a list stay together in one paragraph, one per line.
        Assert.Equal(
            new[]
            {
                "Set-Widget changes widgets. It sends a PATCH request; see Get-Widget.",
                "- First point.\n- Second point.",
            },
            command.Description);
    }

    [Fact]
    public void Reads_every_parameter_set_with_its_default_and_the_parameters_of_its_syntax_block()
    {
        var (command, _) = Parse(SamplePages.Widget);

        Assert.Equal(new[] { "ByName", "ById", "Everything" }, command.SyntaxSets.Select(s => s.Name));
        Assert.Equal(new[] { true, false, false }, command.SyntaxSets.Select(s => s.IsDefault));
        Assert.Equal(new[] { "Name", "Colour", "Force", "WhatIf", "Confirm" }, command.SyntaxSets[0].ParameterNames);
        Assert.Equal(new[] { "Id", "Colour", "Force", "WhatIf", "Confirm" }, command.SyntaxSets[1].ParameterNames);
        Assert.Equal(new[] { "Name", "All", "WhatIf", "Confirm" }, command.SyntaxSets[2].ParameterNames);
    }

    [Fact]
    public void Reads_each_yaml_block_of_a_parameter_that_differs_between_sets()
    {
        var (command, _) = Parse(SamplePages.Widget);
        var name = command.FindParameter("Name")!;

        Assert.Equal(new[] { "The widget's name. Wildcards are allowed." }, name.Description);
        Assert.Equal(2, name.Metadata.Count);

        var byName = name.ForSet("ByName")!;
        Assert.Equal("String", byName.Type);
        Assert.True(byName.Required);
        Assert.Equal("0", byName.Position);
        Assert.True(byName.PipelineByValue);
        Assert.True(byName.PipelineByPropertyName);
        Assert.True(byName.Globbing);
        Assert.Equal(new[] { "WidgetName", "N" }, byName.Aliases);

        var everything = name.ForSet("Everything")!;
        Assert.NotSame(byName, everything);
        Assert.False(everything.Required);
        Assert.Equal(ParameterMetadata.Named, everything.Position);
        Assert.Equal("False", everything.PipelineInputText);
        Assert.Null(name.ForSet("ById"));
    }

    [Fact]
    public void Reads_switches_accepted_values_defaults_and_all_set_parameters()
    {
        var (command, _) = Parse(SamplePages.Widget);

        var colour = command.FindParameter("Colour")!.Metadata.Single();
        Assert.Equal(new[] { "red", "green", "blue" }, colour.AcceptedValues);
        Assert.Equal("green", colour.DefaultValue);
        Assert.Equal(new[] { "ByName", "ById" }, colour.ParameterSets);

        var all = command.FindParameter("All")!;
        Assert.True(all.IsSwitch);
        Assert.True(all.Metadata.Single().Required);

        var whatIf = command.FindParameter("WhatIf")!.Metadata.Single();
        Assert.True(whatIf.IsAllSets);
        Assert.True(whatIf.AppliesTo("Everything"));
        Assert.Equal(new[] { "wi" }, whatIf.Aliases);

        Assert.True(command.HasCommonParameters);
        Assert.DoesNotContain(command.Parameters, p => p.Name == "CommonParameters");
        Assert.Equal(new[] { "Name", "Id", "All", "Colour", "Force", "WhatIf", "Confirm" }, command.Parameters.Select(p => p.Name));
    }

    [Fact]
    public void Reads_examples_with_introduction_code_output_and_remarks()
    {
        var (command, _) = Parse(SamplePages.Widget);

        Assert.Equal(2, command.Examples.Count);
        var first = command.Examples[0];
        Assert.Equal("Example 1: Paint a widget", first.Title);
        Assert.Equal("Set-Widget -Name w1 -Colour red", first.Code);
        Assert.Empty(first.Introduction);
        Assert.Equal(new[] { "Paints the widget red." }, first.Remarks);

        var second = command.Examples[1];
        Assert.Equal(SamplePages.LineOf(SamplePages.Widget, "### Example 2"), second.Line);
        Assert.Equal(new[] { "Before the code, an introduction." }, second.Introduction);
        Assert.Equal("Set-Widget -All -Colour blue |\n    Select-Object Name", second.Code);
        Assert.Equal(new[] { "Name\n----\nw1", "All widgets are blue now." }, second.Remarks);
    }

    [Fact]
    public void Reads_inputs_outputs_notes_and_related_links()
    {
        var (command, _) = Parse(SamplePages.Widget);

        var input = Assert.Single(command.Inputs);
        Assert.Equal("System.String", input.TypeName);
        Assert.Equal(new[] { "A name, from the pipeline." }, input.Description);
        Assert.Equal(new[] { "Contoso.Widget", "None" }, command.Outputs.Select(o => o.TypeName));
        Assert.Equal(new[] { "Needs the Painter role." }, command.Notes);
        Assert.Equal(
            new[] { new RelatedLink("Get-Widget", string.Empty), new RelatedLink("Widget docs", "https://example.test/widgets") },
            command.Links);
    }

    [Fact]
    public void Accepts_windows_line_endings()
    {
        var (command, diagnostics) = Parse(SamplePages.Widget.Replace("\n", "\r\n"));

        Assert.Empty(diagnostics.Items);
        Assert.Equal(3, command.SyntaxSets.Count);
        Assert.Equal("Set-Widget -All -Colour blue |\n    Select-Object Name", command.Examples[1].Code);
    }

    [Fact]
    public void Reports_an_unclosed_code_block_at_its_opening_line()
    {
        var page = SamplePages.Widget.Substring(0, SamplePages.Widget.IndexOf("## RELATED LINKS", StringComparison.Ordinal)) + "## RELATED LINKS\n\n```powershell\nGet-Widget\n";
        var (_, diagnostics) = Parse(page);

        var error = Assert.Single(diagnostics.Items, d => d.IsError);
        Assert.Equal(DiagnosticCodes.Structure, error.Code);
        Assert.Equal(SamplePages.LineOf(page, "```powershell", 3), error.Line);
        Assert.Contains("never closed", error.Message);
    }

    [Fact]
    public void Reports_a_repeated_section_and_a_repeated_parameter()
    {
        var page = SamplePages.Widget + "\n## NOTES\nMore notes.\n";
        page = SamplePages.Replace(page, "### -Force\n", "### -Colour\n");
        var (_, diagnostics) = Parse(page);

        Assert.Equal(2, diagnostics.Items.Count(d => d.Code == DiagnosticCodes.Duplicate));
        Assert.Contains(diagnostics.Items, d => d.Message.Contains("'## NOTES' appears twice") && d.Line == SamplePages.LineOf(page, "## NOTES", 2));
        Assert.Contains(diagnostics.Items, d => d.Message.Contains("-Colour is documented twice"));
    }
}
