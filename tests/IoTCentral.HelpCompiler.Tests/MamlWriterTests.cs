using System.Xml.Linq;
using IoTCentral.HelpCompiler.Model;
using IoTCentral.HelpCompiler.Parsing;
using IoTCentral.HelpCompiler.Writing;

namespace IoTCentral.HelpCompiler.Tests;

public sealed class MamlWriterTests
{
    private static readonly XNamespace Msh = MamlNamespaces.Msh;
    private static readonly XNamespace Maml = MamlNamespaces.Maml;
    private static readonly XNamespace Command = MamlNamespaces.Command;
    private static readonly XNamespace Dev = MamlNamespaces.Dev;

    private static XElement WriteSample()
    {
        var diagnostics = new DiagnosticList();
        var command = CommandPageParser.Parse("Set-Widget.md", SamplePages.Widget, diagnostics);
        Assert.Empty(diagnostics.Items);
        var xml = MamlWriter.WriteToString(new[] { command });

        // Parsing proves the XML is well-formed; everything else is read from the parsed tree.
        var document = XDocument.Parse(xml);
        Assert.Equal(Msh + "helpItems", document.Root!.Name);
        Assert.Equal("maml", (string?)document.Root.Attribute("schema"));
        return Assert.Single(document.Root.Elements(Command + "command"));
    }

    private static IEnumerable<string> Paras(XElement? element) =>
        element!.Elements(Maml + "para").Select(p => p.Value);

    [Fact]
    public void Writes_the_details_and_description_with_one_para_per_paragraph()
    {
        var command = WriteSample();
        var details = command.Element(Command + "details")!;

        Assert.Equal("Set-Widget", details.Element(Command + "name")!.Value);
        Assert.Equal("Set", details.Element(Command + "verb")!.Value);
        Assert.Equal("Widget", details.Element(Command + "noun")!.Value);
        Assert.Equal(new[] { "Changes a widget's <colour> & size." }, Paras(details.Element(Maml + "description")));
        Assert.Equal(
            new[] { "Set-Widget changes widgets. It sends a PATCH request; see Get-Widget.", "- First point.\n- Second point." },
            Paras(command.Element(Maml + "description")));
    }

    [Fact]
    public void Escapes_markup_characters()
    {
        var diagnostics = new DiagnosticList();
        var xml = MamlWriter.WriteToString(new[] { CommandPageParser.Parse("Set-Widget.md", SamplePages.Widget, diagnostics) });

        Assert.Contains("Changes a widget's &lt;colour&gt; &amp; size.", xml);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", xml);
    }

    [Fact]
    public void Writes_one_syntax_item_per_set_with_that_sets_metadata_in_syntax_order()
    {
        var items = WriteSample().Element(Command + "syntax")!.Elements(Command + "syntaxItem").ToList();

        Assert.Equal(3, items.Count);
        Assert.All(items, i => Assert.Equal("Set-Widget", i.Element(Maml + "name")!.Value));
        Assert.Equal(
            new[] { "Name", "Colour", "Force", "WhatIf", "Confirm" },
            items[0].Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value));

        var nameInByName = items[0].Elements(Command + "parameter").First();
        Assert.Equal("true", (string?)nameInByName.Attribute("required"));
        Assert.Equal("0", (string?)nameInByName.Attribute("position"));

        var nameInEverything = items[2].Elements(Command + "parameter").First();
        Assert.Equal("false", (string?)nameInEverything.Attribute("required"));
        Assert.Equal("named", (string?)nameInEverything.Attribute("position"));
        Assert.Equal("False", (string?)nameInEverything.Attribute("pipelineInput"));
    }

    [Fact]
    public void Syntax_shows_switches_without_a_value_and_accepted_values_as_a_group()
    {
        var byName = WriteSample().Element(Command + "syntax")!.Elements(Command + "syntaxItem").First();
        var parameters = byName.Elements(Command + "parameter").ToDictionary(p => p.Element(Maml + "name")!.Value);

        Assert.Null(parameters["Force"].Element(Command + "parameterValue"));
        var group = parameters["Colour"].Element(Command + "parameterValueGroup")!;
        Assert.Equal(new[] { "red", "green", "blue" }, group.Elements(Command + "parameterValue").Select(v => v.Value));
        Assert.Equal("String", parameters["Name"].Element(Command + "parameterValue")!.Value);
    }

    [Fact]
    public void Writes_each_parameter_once_with_required_pipeline_position_aliases_and_globbing()
    {
        var parameters = WriteSample().Element(Command + "parameters")!.Elements(Command + "parameter").ToList();
        var byName = parameters.ToDictionary(p => p.Element(Maml + "name")!.Value);

        Assert.Equal(new[] { "Name", "Id", "All", "Colour", "Force", "WhatIf", "Confirm" }, byName.Keys);

        // -Name has two yaml blocks; the single entry is required (in one set), positional, and takes pipeline input.
        var name = byName["Name"];
        Assert.Equal("true", (string?)name.Attribute("required"));
        Assert.Equal("0", (string?)name.Attribute("position"));
        Assert.Equal("True (ByValue, ByPropertyName)", (string?)name.Attribute("pipelineInput"));
        Assert.Equal("WidgetName, N", (string?)name.Attribute("aliases"));
        Assert.Equal("true", (string?)name.Attribute("globbing"));
        Assert.Equal(new[] { "The widget's name. Wildcards are allowed." }, Paras(name.Element(Maml + "description")));
        Assert.Equal("String", name.Element(Dev + "type")!.Element(Maml + "name")!.Value);

        var id = byName["Id"];
        Assert.Equal("True (ByPropertyName)", (string?)id.Attribute("pipelineInput"));
        Assert.Equal("named", (string?)id.Attribute("position"));
        Assert.Equal("none", (string?)id.Attribute("aliases"));
        Assert.Equal("false", (string?)id.Attribute("globbing"));

        Assert.Equal("green", byName["Colour"].Element(Dev + "defaultValue")!.Value);
        Assert.Equal("wi", (string?)byName["WhatIf"].Attribute("aliases"));
        var force = byName["Force"];
        Assert.Equal("SwitchParameter", force.Element(Command + "parameterValue")!.Value);
        Assert.Equal("false", (string?)force.Element(Command + "parameterValue")!.Attribute("required"));
        Assert.Equal("False", force.Element(Dev + "defaultValue")!.Value);
    }

    [Fact]
    public void Writes_examples_with_title_introduction_code_and_remarks()
    {
        var examples = WriteSample().Element(Command + "examples")!.Elements(Command + "example").ToList();

        Assert.Equal(2, examples.Count);
        Assert.Equal("--------- Example 1: Paint a widget ---------", examples[0].Element(Maml + "title")!.Value);
        Assert.Equal("Set-Widget -Name w1 -Colour red", examples[0].Element(Dev + "code")!.Value);
        Assert.Equal(new[] { "Paints the widget red." }, Paras(examples[0].Element(Dev + "remarks")));
        Assert.Null(examples[0].Element(Maml + "introduction"));

        Assert.Equal(new[] { "Before the code, an introduction." }, Paras(examples[1].Element(Maml + "introduction")));
        Assert.Equal("Set-Widget -All -Colour blue |\n    Select-Object Name", examples[1].Element(Dev + "code")!.Value);
        Assert.Equal(new[] { "Name\n----\nw1", "All widgets are blue now." }, Paras(examples[1].Element(Dev + "remarks")));
    }

    [Fact]
    public void Writes_inputs_outputs_notes_and_links_with_the_online_version_first()
    {
        var command = WriteSample();

        var input = Assert.Single(command.Element(Command + "inputTypes")!.Elements(Command + "inputType"));
        Assert.Equal("System.String", input.Element(Dev + "type")!.Element(Maml + "name")!.Value);
        Assert.Equal(new[] { "A name, from the pipeline." }, Paras(input.Element(Maml + "description")));
        Assert.Equal(
            new[] { "Contoso.Widget", "None" },
            command.Element(Command + "returnValues")!.Elements(Command + "returnValue").Select(r => r.Element(Dev + "type")!.Element(Maml + "name")!.Value));
        Assert.Equal(new[] { "Needs the Painter role." }, Paras(command.Element(Maml + "alertSet")!.Element(Maml + "alert")));

        var links = command.Element(Maml + "relatedLinks")!.Elements(Maml + "navigationLink")
            .Select(l => (l.Element(Maml + "linkText")!.Value, l.Element(Maml + "uri")!.Value))
            .ToList();
        Assert.Equal(
            new[] { ("Online Version:", "https://example.test/Set-Widget"), ("Get-Widget", string.Empty), ("Widget docs", "https://example.test/widgets") },
            links);
    }

    [Fact]
    public void Writes_the_sections_in_the_order_get_help_expects()
    {
        var order = WriteSample().Elements().Select(e => e.Name.LocalName).ToList();

        Assert.Equal(
            new[] { "details", "description", "syntax", "parameters", "inputTypes", "returnValues", "alertSet", "examples", "relatedLinks" },
            order);
    }
}
