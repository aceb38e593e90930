using IoTCentral.HelpCompiler.Model;
using IoTCentral.HelpCompiler.Parsing;
using IoTCentral.HelpCompiler.Validation;

namespace IoTCentral.HelpCompiler.Tests;

public sealed class ValidationTests
{
    private static DiagnosticList Validate(string page, string file = "Set-Widget.md")
    {
        var diagnostics = new DiagnosticList();
        var command = CommandPageParser.Parse(file, page, diagnostics);
        new CommandHelpValidator("IoTCentral").Validate(command, diagnostics);
        return diagnostics;
    }

    private static Diagnostic SingleError(DiagnosticList diagnostics)
    {
        return Assert.Single(diagnostics.Items, d => d.IsError);
    }

    [Fact]
    public void The_complete_sample_has_no_diagnostics()
    {
        Assert.Empty(Validate(SamplePages.Widget).Items);
    }

    [Fact]
    public void A_missing_synopsis_is_an_error_at_the_title()
    {
        var page = SamplePages.Cut(SamplePages.Widget, "## SYNOPSIS", "## SYNTAX");
        var error = SingleError(Validate(page));

        Assert.Equal(DiagnosticCodes.MissingSynopsis, error.Code);
        Assert.Equal(SamplePages.LineOf(page, "# Set-Widget"), error.Line);
        Assert.Equal("Set-Widget.md:" + error.Line + ": error HC002: Set-Widget has no synopsis (a '## SYNOPSIS' section with text).", error.ToString());
    }

    [Fact]
    public void An_empty_synopsis_is_an_error_at_its_heading()
    {
        var page = SamplePages.Replace(SamplePages.Widget, "Changes a widget's <colour> & size.\n", string.Empty);
        var error = SingleError(Validate(page));

        Assert.Equal(DiagnosticCodes.MissingSynopsis, error.Code);
        Assert.Equal(SamplePages.LineOf(page, "## SYNOPSIS"), error.Line);
    }

    [Fact]
    public void A_missing_description_is_an_error()
    {
        var page = SamplePages.Cut(SamplePages.Widget, "`Set-Widget` changes", "## EXAMPLES");
        var error = SingleError(Validate(page));

        Assert.Equal(DiagnosticCodes.MissingDescription, error.Code);
        Assert.Equal(SamplePages.LineOf(page, "## DESCRIPTION"), error.Line);
    }

    [Fact]
    public void A_page_without_examples_is_an_error()
    {
        var page = SamplePages.Cut(SamplePages.Widget, "### Example 1", "## PARAMETERS");
        var error = SingleError(Validate(page));

        Assert.Equal(DiagnosticCodes.MissingExample, error.Code);
        Assert.Equal(SamplePages.LineOf(page, "## EXAMPLES"), error.Line);
        Assert.Contains("has no example", error.Message);
    }

    [Fact]
    public void An_example_without_code_is_an_error_at_its_heading()
    {
        var page = SamplePages.Replace(SamplePages.Widget, "```powershell\nSet-Widget -Name w1 -Colour red\n```\n", string.Empty);
        var error = SingleError(Validate(page));

        Assert.Equal(DiagnosticCodes.MissingExample, error.Code);
        Assert.Equal(SamplePages.LineOf(page, "### Example 1"), error.Line);
        Assert.Contains("'Example 1: Paint a widget' has no ```powershell code block", error.Message);
    }

    [Fact]
    public void A_parameter_without_description_is_an_error_at_its_heading()
    {
        var page = SamplePages.Replace(SamplePages.Widget, "The widget's id.\n", string.Empty);
        var error = SingleError(Validate(page));

        Assert.Equal(DiagnosticCodes.MissingParameterDescription, error.Code);
        Assert.Equal(SamplePages.LineOf(page, "### -Id"), error.Line);
        Assert.Equal("parameter -Id has no description.", error.Message);
    }

    [Fact]
    public void A_parameter_without_yaml_is_an_error()
    {
        var page = SamplePages.Cut(SamplePages.Widget, "```yaml\nType: String\nParameter Sets: ById", "### -All");
        var diagnostics = Validate(page);

        Assert.Contains(diagnostics.Items, d => d.IsError && d.Code == DiagnosticCodes.ParameterMetadata && d.Message.Contains("-Id has no ```yaml block") && d.Line == SamplePages.LineOf(page, "### -Id"));
    }

    [Fact]
    public void Malformed_yaml_fails_validation_with_the_line_of_the_bad_value()
    {
        var page = SamplePages.Replace(SamplePages.Widget, "Accept pipeline input: True (ByPropertyName)", "Accept pipeline input: By name");
        var error = SingleError(Validate(page));

        Assert.Equal(DiagnosticCodes.ParameterMetadata, error.Code);
        Assert.Equal(SamplePages.LineOf(page, "Accept pipeline input: By name"), error.Line);
    }

    [Fact]
    public void A_syntax_block_naming_an_undocumented_parameter_is_an_error()
    {
        var page = SamplePages.Replace(SamplePages.Widget, "Set-Widget -Id <String> [-Colour <String>]", "Set-Widget -Id <String> [-Size <Int32>] [-Colour <String>]");
        var error = SingleError(Validate(page));

        Assert.Equal(DiagnosticCodes.Syntax, error.Code);
        Assert.Contains("names -Size, which PARAMETERS does not document", error.Message);
        Assert.Equal(SamplePages.LineOf(page, "### ById") + 1, error.Line);
    }

    [Fact]
    public void A_documented_parameter_missing_from_its_sets_syntax_is_an_error()
    {
        var page = SamplePages.Replace(SamplePages.Widget, "Set-Widget -Id <String> [-Colour <String>] [-Force]", "Set-Widget -Id <String> [-Colour <String>]");
        var error = SingleError(Validate(page));

        Assert.Equal(DiagnosticCodes.Syntax, error.Code);
        Assert.Contains("-Force is documented for set 'ById' but missing from its syntax block", error.Message);
    }

    [Fact]
    public void A_parameter_naming_an_unknown_set_is_an_error()
    {
        var page = SamplePages.Replace(SamplePages.Widget, "Parameter Sets: ById\n", "Parameter Sets: ById, ByColour\n");
        var error = SingleError(Validate(page));

        Assert.Contains("names parameter set 'ByColour', which SYNTAX does not have", error.Message);
    }

    [Fact]
    public void Several_sets_need_exactly_one_default()
    {
        var page = SamplePages.Replace(SamplePages.Widget, "### ByName (Default)", "### ByName");
        var error = SingleError(Validate(page));

        Assert.Equal(DiagnosticCodes.Syntax, error.Code);
        Assert.Contains("exactly one heading must end with '(Default)'", error.Message);
    }

    [Fact]
    public void A_platyps_placeholder_is_an_error()
    {
        var page = SamplePages.Replace(SamplePages.Widget, "Skips the question.", "{{ Fill Force Description }}");
        var error = SingleError(Validate(page));

        Assert.Equal(DiagnosticCodes.Placeholder, error.Code);
        Assert.Equal(SamplePages.LineOf(page, "### -Force"), error.Line);
    }

    [Fact]
    public void The_title_must_match_the_file_name()
    {
        var error = SingleError(Validate(SamplePages.Widget, file: "docs/Set-Gadget.md"));

        Assert.Equal(DiagnosticCodes.Structure, error.Code);
        Assert.Contains("does not match the file name (Set-Gadget.md)", error.Message);
    }

    [Theory]
    [InlineData("schema: 2.0.0", "schema: 1.0.0", "'schema: 2.0.0'")]
    [InlineData("external help file: IoTCentral.dll-Help.xml", "external help file: Other.dll-Help.xml", "'external help file: IoTCentral.dll-Help.xml'")]
    [InlineData("Module Name: IoTCentral", "Module Name: Other", "does not match the module being built")]
    public void The_front_matter_must_fit_the_module(string good, string bad, string message)
    {
        var error = SingleError(Validate(SamplePages.Replace(SamplePages.Widget, good, bad)));

        Assert.Equal(DiagnosticCodes.FrontMatter, error.Code);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_page_without_front_matter_is_an_error_at_line_one()
    {
        var page = SamplePages.Widget.Substring(SamplePages.Widget.IndexOf("# Set-Widget", StringComparison.Ordinal));
        var error = SingleError(Validate(page));

        Assert.Equal(DiagnosticCodes.FrontMatter, error.Code);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Missing_optional_sections_only_warn()
    {
        var page = SamplePages.Cut(SamplePages.Widget, "## INPUTS", "## NOTES");
        var diagnostics = Validate(page);

        Assert.False(diagnostics.HasErrors);
        Assert.Equal(2, diagnostics.WarningCount);
        Assert.All(diagnostics.Items, d => Assert.Equal(DiagnosticCodes.MissingSection, d.Code));
        Assert.Contains(diagnostics.Items, d => d.ToString() == $"Set-Widget.md:{SamplePages.LineOf(page, "# Set-Widget")}: warning HC100: Set-Widget has no '## OUTPUTS' section.");
    }

    [Fact]
    public void About_topics_need_a_title_matching_the_file_and_both_descriptions()
    {
        var good = new DiagnosticList();
        AboutTopicValidator.Validate(AboutPageParser.Parse("about_Widgets.md", SamplePages.AboutWidgets, good), good);
        Assert.Empty(good.Items);

        var bad = new DiagnosticList();
        var page = SamplePages.Cut(SamplePages.AboutWidgets, "## SHORT DESCRIPTION", "## LONG DESCRIPTION");
        AboutTopicValidator.Validate(AboutPageParser.Parse("about_Gadgets.md", page, bad), bad);
        Assert.Equal(2, bad.ErrorCount);
        Assert.Contains(bad.Items, d => d.Message.Contains("does not match the file name (about_Gadgets.md)"));
        Assert.Contains(bad.Items, d => d.Message.Contains("no '## SHORT DESCRIPTION' paragraph"));
    }
}
