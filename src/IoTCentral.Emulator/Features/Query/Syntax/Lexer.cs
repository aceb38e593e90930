using System.Globalization;

namespace IoTCentral.Emulator.Features.Query.Syntax;

/// <summary>
/// Splits a query into tokens. Words take the characters of names, paths, durations and template ids alike
/// (letters, digits, <c>_ $ . : ; -</c>), so a DTMI such as <c>dtmi:com:example:Thermostat;1</c> is one token without
/// the lexer knowing it follows FROM; the parser checks each word's shape where it stands.
/// </summary>
internal static class Lexer
{
    /// <param name="query">The text to split.</param>
    /// <param name="doubleQuotedStrings">Also read "..." as a string (device group filters write their values so).</param>
    public static IReadOnlyList<Token> Tokenize(string query, bool doubleQuotedStrings = false)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            var position = i + 1;
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (IsWordStart(c))
            {
                var start = i;
                while (i < query.Length && IsWordPart(query[i]))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Word, query[start..i], position));
            }
            else if (char.IsAsciiDigit(c) || ((c is '-' or '+') && i + 1 < query.Length && char.IsAsciiDigit(query[i + 1])))
            {
                tokens.Add(ReadNumber(query, ref i));
            }
            else if (c == '\'' || (doubleQuotedStrings && c == '"'))
            {
                tokens.Add(ReadString(query, ref i));
            }
            else
            {
                tokens.Add(ReadSymbol(query, ref i));
            }
        }

        tokens.Add(new Token(TokenKind.End, "", query.Length + 1));
        return tokens;
    }

    private static bool IsWordStart(char c) => char.IsAsciiLetter(c) || c is '_' or '$';

    private static bool IsWordPart(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$' or '.' or ':' or ';' or '-';

    private static Token ReadNumber(string query, ref int i)
    {
        var start = i;
        if (query[i] is '-' or '+')
        {
            i++;
        }

        SkipDigits(query, ref i);
        if (i + 1 < query.Length && query[i] == '.' && char.IsAsciiDigit(query[i + 1]))
        {
            i++;
            SkipDigits(query, ref i);
        }

        // An exponent only when digits follow, so "1e" stays the number 1 followed by the word "e".
        if (i + 1 < query.Length && query[i] is 'e' or 'E')
        {
            var signed = query[i + 1] is '+' or '-';
            var digitAt = i + (signed ? 2 : 1);
            if (digitAt < query.Length && char.IsAsciiDigit(query[digitAt]))
            {
                i = digitAt;
                SkipDigits(query, ref i);
            }
        }

        var text = query[start..i];
        var value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(value))
        {
            throw new QueryException($"The number '{text}' at position {start + 1} is out of range.");
        }

        return new Token(TokenKind.Number, text, start + 1, value);
    }

    private static void SkipDigits(string query, ref int i)
    {
        while (i < query.Length && char.IsAsciiDigit(query[i]))
        {
            i++;
        }
    }

    /// <summary>A quoted string; a doubled quote ('' or "") stands for one quote.</summary>
    private static Token ReadString(string query, ref int i)
    {
        var start = i;
        var quote = query[i];
        var value = new System.Text.StringBuilder();
        i++;
        while (true)
        {
            if (i >= query.Length)
            {
                throw new QueryException($"The string starting at position {start + 1} is not closed; end it with {(quote == '"' ? "a double quote (\")" : "a single quote (')")}.");
            }

            if (query[i] == quote)
            {
                if (i + 1 < query.Length && query[i + 1] == quote)
                {
                    value.Append(quote);
                    i += 2;
                    continue;
                }

                i++;
                return new Token(TokenKind.String, query[start..i], start + 1, value.ToString());
            }

            value.Append(query[i]);
            i++;
        }
    }

    private static Token ReadSymbol(string query, ref int i)
    {
        var position = i + 1;
        var two = i + 1 < query.Length ? query.Substring(i, 2) : "";
        if (two is "!=" or "<>" or "<=" or ">=")
        {
            i += 2;
            return new Token(TokenKind.Operator, two, position);
        }

        var c = query[i];
        i++;
        var kind = c switch
        {
            '=' or '<' or '>' => TokenKind.Operator,
            ',' => TokenKind.Comma,
            '(' => TokenKind.LeftParen,
            ')' => TokenKind.RightParen,
            '[' => TokenKind.LeftBracket,
            ']' => TokenKind.RightBracket,
            '*' => TokenKind.Star,
            _ => throw new QueryException($"Unexpected character '{c}' at position {position}."),
        };
        return new Token(kind, c.ToString(), position);
    }
}
