using IoTCentral.Emulator.Features.Query;
using IoTCentral.Emulator.Features.Query.Syntax;

namespace IoTCentral.Emulator.QueryTests;

public sealed class LexerTests
{
    [Fact]
    public void TemplateIdsAndPaths_AreSingleWords()
    {
        var tokens = Lexer.Tokenize("SELECT sensors.accelerometer FROM dtmi:com:example:Thermostat;1");

        Assert.Equal(
            [(TokenKind.Word, "SELECT", 1), (TokenKind.Word, "sensors.accelerometer", 8), (TokenKind.Word, "FROM", 30),
             (TokenKind.Word, "dtmi:com:example:Thermostat;1", 35), (TokenKind.End, "", 64)],
            tokens.Select(t => (t.Kind, t.Text, t.Position)));
    }

    [Fact]
    public void Operators_AndPunctuation()
    {
        var kinds = Lexer.Tokenize("= != <> < <= > >= ( ) [ ] , *").Select(t => (t.Kind, t.Text)).ToList();

        Assert.Equal(
            [(TokenKind.Operator, "="), (TokenKind.Operator, "!="), (TokenKind.Operator, "<>"), (TokenKind.Operator, "<"),
             (TokenKind.Operator, "<="), (TokenKind.Operator, ">"), (TokenKind.Operator, ">="), (TokenKind.LeftParen, "("),
             (TokenKind.RightParen, ")"), (TokenKind.LeftBracket, "["), (TokenKind.RightBracket, "]"), (TokenKind.Comma, ","),
             (TokenKind.Star, "*"), (TokenKind.End, "")],
            kinds);
    }

    [Theory]
    [InlineData("42", 42.0)]
    [InlineData("-3.5", -3.5)]
    [InlineData("+7", 7.0)]
    [InlineData("1e3", 1000.0)]
    [InlineData("2.5E-1", 0.25)]
    public void Numbers(string text, double expected)
    {
        var token = Lexer.Tokenize(text)[0];

        Assert.Equal(TokenKind.Number, token.Kind);
        Assert.Equal(expected, token.Value);
    }

    [Fact]
    public void ComparisonWithoutSpaces_SplitsNumberFromOperator()
    {
        var tokens = Lexer.Tokenize("t>-5");

        Assert.Equal([TokenKind.Word, TokenKind.Operator, TokenKind.Number, TokenKind.End], tokens.Select(t => t.Kind));
        Assert.Equal(-5.0, tokens[2].Value);
    }

    [Fact]
    public void Strings_UnescapeDoubledQuotes()
    {
        var token = Lexer.Tokenize("'it''s'")[0];

        Assert.Equal(TokenKind.String, token.Kind);
        Assert.Equal("it's", token.Value);
        Assert.Equal("'it''s'", token.Text);
    }

    [Fact]
    public void UnterminatedString_NamesItsStart()
    {
        var error = Assert.Throws<QueryException>(() => Lexer.Tokenize("x = 'abc"));

        Assert.Contains("position 5", error.Message);
        Assert.Contains("not closed", error.Message);
    }

    [Theory]
    [InlineData("a ; b", ';', 3)]
    [InlineData("a # b", '#', 3)]
    [InlineData("a \"b\"", '"', 3)]
    public void UnknownCharacter_IsReportedWithPosition(string query, char character, int position)
    {
        var error = Assert.Throws<QueryException>(() => Lexer.Tokenize(query));

        Assert.Equal($"Unexpected character '{character}' at position {position}.", error.Message);
    }

    [Fact]
    public void HugeNumber_IsOutOfRange()
    {
        var error = Assert.Throws<QueryException>(() => Lexer.Tokenize("1e999"));

        Assert.Contains("out of range", error.Message);
    }
}
