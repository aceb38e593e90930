using IoTCentral.HelpCompiler.Model;
using IoTCentral.HelpCompiler.Parsing;

namespace IoTCentral.HelpCompiler.Tests;

public sealed class ParameterMetadataParserTests
{
    private const string Valid = """
Type: String[]
Parameter Sets: A, B
Aliases: X

Required: False
Position: 1
Default value: None
Accept pipeline input: True (ByValue)
Accept wildcard characters: False
""";

    private static (ParameterMetadata Metadata, DiagnosticList Diagnostics) Parse(string yaml, int firstLine = 10)
    {
        var diagnostics = new DiagnosticList();
        return (ParameterMetadataParser.Parse(yaml, firstLine, "Page.md", "Role", diagnostics), diagnostics);
    }

    [Fact]
    public void A_valid_block_gives_every_value_and_no_diagnostic()
    {
        var (metadata, diagnostics) = Parse(Valid);

        Assert.Empty(diagnostics.Items);
        Assert.Equal("String[]", metadata.Type);
        Assert.True(metadata.IsArray);
        Assert.Equal(new[] { "A", "B" }, metadata.ParameterSets);
        Assert.Equal(new[] { "X" }, metadata.Aliases);
        Assert.Equal("1", metadata.Position);
        Assert.True(metadata.PipelineByValue);
        Assert.False(metadata.PipelineByPropertyName);
        Assert.Equal("True (ByValue)", metadata.PipelineInputText);
        Assert.Equal(9, metadata.Line);
    }

    [Theory]
    [InlineData("Required: False", "Required: maybe", 5, "Required must be True or False, not 'maybe'")]
    [InlineData("Position: 1", "Position: first", 6, "Position must be Named or a number")]
    [InlineData("Accept pipeline input: True (ByValue)", "Accept pipeline input: Yes", 8, "Accept pipeline input must be False, True (ByValue)")]
    [InlineData("Accept pipeline input: True (ByValue)", "Accept pipeline input: True (ByMagic)", 8, "'ByMagic' is not a pipeline input kind")]
    [InlineData("Accept wildcard characters: False", "Accept wildcard characters: sometimes", 9, "Accept wildcard characters must be True or False")]
    [InlineData("Aliases: X", "Aliasses: X", 3, "unknown key 'Aliasses'")]
    [InlineData("Aliases: X", "Aliases X", 3, "is not 'Key: value'")]
    [InlineData("Type: String[]", "Type: String Array", 1, "Type must be a type name")]
    public void A_malformed_line_is_an_error_at_that_line(string good, string bad, int lineInBlock, string message)
    {
        var (_, diagnostics) = Parse(Valid.Replace(good, bad), firstLine: 20);

        var error = Assert.Single(diagnostics.Items, d => d.Message.Contains(message));
        Assert.True(error.IsError);
        Assert.Equal(DiagnosticCodes.ParameterMetadata, error.Code);
        Assert.Equal(19 + lineInBlock, error.Line);
        Assert.Equal("Page.md", error.File);
        Assert.StartsWith("-Role: malformed parameter yaml", error.Message);
    }

    [Fact]
    public void A_missing_required_key_is_an_error_at_the_block()
    {
        var (_, diagnostics) = Parse(Valid.Replace("Required: False\n", string.Empty), firstLine: 20);

        var error = Assert.Single(diagnostics.Items);
        Assert.Contains("no 'Required:' line", error.Message);
        Assert.Equal(19, error.Line);
    }

    [Fact]
    public void A_repeated_key_is_an_error()
    {
        var (_, diagnostics) = Parse(Valid + "\nPosition: 2");

        Assert.Contains(diagnostics.Items, d => d.IsError && d.Message.Contains("'Position' is given twice"));
    }

    [Fact]
    public void All_sets_cannot_be_mixed_with_set_names()
    {
        var (_, diagnostics) = Parse(Valid.Replace("Parameter Sets: A, B", "Parameter Sets: (All), B"));

        Assert.Contains(diagnostics.Items, d => d.IsError && d.Message.Contains("cannot mix (All)"));
    }
}
