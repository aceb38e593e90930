namespace IoTCentral.Emulator.Features.Query.Syntax;

/// <summary>
/// A lexical token. <see cref="Text"/> is the text as written (for messages); <see cref="Value"/> is the decoded value
/// of a number (double) or string literal. <see cref="Position"/> is 1-based, as users count characters.
/// </summary>
internal sealed record Token(TokenKind Kind, string Text, int Position, object? Value = null)
{
    public bool IsKeyword(string keyword) =>
        Kind == TokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>How a message shows the token: quoted text, or "end of query".</summary>
    public string Describe() => Kind == TokenKind.End ? "end of query" : $"'{Text}'";
}
