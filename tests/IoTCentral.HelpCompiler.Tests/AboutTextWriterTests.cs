using IoTCentral.HelpCompiler.Model;
using IoTCentral.HelpCompiler.Parsing;
using IoTCentral.HelpCompiler.Validation;
using IoTCentral.HelpCompiler.Writing;

namespace IoTCentral.HelpCompiler.Tests;

public sealed class AboutTextWriterTests
{
    private static string[] Write(string page = SamplePages.AboutWidgets)
    {
        var diagnostics = new DiagnosticList();
        var topic = AboutPageParser.Parse("about_Widgets.md", page, diagnostics);
        Assert.Empty(diagnostics.Items);
        return AboutTextWriter.Write(topic).Split('\n');
    }

    [Fact]
    public void The_short_description_is_on_line_five_where_powershell_reads_the_synopsis()
    {
        var lines = Write();

        Assert.Equal("TOPIC", lines[0]);
        Assert.Equal("    about_Widgets", lines[1]);
        Assert.Equal(string.Empty, lines[2]);
        Assert.Equal("SHORT DESCRIPTION", lines[3]);
        Assert.Equal("    Explains widgets.", lines[4]);
    }

    [Fact]
    public void Paragraphs_wrap_at_80_columns_with_a_four_space_indent()
    {
        var lines = Write();
        var start = Array.IndexOf(lines, "LONG DESCRIPTION");

        Assert.Equal("    Widgets are small things that come in three colours and that can be painted", lines[start + 1]);
        Assert.Equal("    again and again without ever wearing out.", lines[start + 2]);
        Assert.All(lines, l => Assert.True(l.Length <= AboutTextWriter.Width, l));
    }

    [Fact]
    public void Subsections_code_tables_and_lists_keep_their_shape()
    {
        var text = string.Join("\n", Write());

        Assert.Contains("\n  Painting\n    Paint one like this:\n", text);
        Assert.Contains("\n\n        Set-Widget -Name w1 -Colour red\n", text);
        Assert.Contains("    Colour  Meaning\n    ------  -------\n    red     stop\n    green   go\n", text);
        Assert.Contains("\n\n    - A first list item.\n    - A second one.\n", text);
        Assert.Contains("\nSEE ALSO\n    - Set-Widget\n", text);
        Assert.DoesNotContain("`", text);
        Assert.DoesNotContain("|", text);
    }

    [Fact]
    public void A_long_short_description_only_warns()
    {
        var page = SamplePages.Replace(SamplePages.AboutWidgets, "Explains widgets.", "Explains widgets " + new string('x', 80));
        var diagnostics = new DiagnosticList();
        AboutTopicValidator.Validate(AboutPageParser.Parse("about_Widgets.md", page, diagnostics), diagnostics);

        var warning = Assert.Single(diagnostics.Items);
        Assert.False(warning.IsError);
        Assert.Contains("only its first line", warning.Message);
    }
}
