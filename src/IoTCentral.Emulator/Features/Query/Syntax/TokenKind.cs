namespace IoTCentral.Emulator.Features.Query.Syntax;

internal enum TokenKind
{
    /// <summary>A keyword, a name or path (<c>$id</c>, <c>sensors.accelerometer</c>), a duration (<c>PT10M</c>) or a
    /// template id (<c>dtmi:contoso:thermostat;1</c>): the parser decides which from the place it stands in.</summary>
    Word,
    Number,
    String,
    Comma,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Star,

    /// <summary>A comparison: = != &lt;&gt; &lt; &lt;= &gt; &gt;=.</summary>
    Operator,
    End,
}
