using System.Globalization;
using System.Text;

namespace IoTCentral.Emulator.Features.DataExport.Transforms;

internal enum JqTokenKind
{
    End,
    Ident,
    Field,
    Variable,
    Number,
    String,
    Format,
    Symbol,
}

/// <summary>
/// One piece of a string literal: literal text, or the source span of an interpolated <c>\(...)</c> expression,
/// which the parser parses on its own so that nested strings and parentheses need no lexer state.
/// </summary>
internal sealed record JqStringPart(string? Text, int Start, int Length);

internal sealed record JqToken(JqTokenKind Kind, string Text, int Position, double Number = 0, IReadOnlyList<JqStringPart>? Parts = null)
{
    public bool Is(string symbol) => Kind == JqTokenKind.Symbol && Text == symbol;

    public bool IsKeyword(string word) => Kind == JqTokenKind.Ident && Text == word;

    public override string ToString() => Kind switch
    {
        JqTokenKind.End => "end of the query",
        JqTokenKind.String => "a string",
        _ => $"'{Text}'",
    };
}

/// <summary>Splits jq query text into tokens; positions are offsets into the whole query (sub-expressions keep theirs).</summary>
internal sealed class JqLexer
{
    // Longest first, so "//=" wins over "//" and "/".
    private static readonly string[] Symbols =
        ["?//", "//=", "|=", "+=", "-=", "*=", "/=", "%=", "==", "!=", "<=", ">=", "//", "..",
         ".", "[", "]", "{", "}", "(", ")", "|", ",", ":", ";", "?", "=", "<", ">", "+", "-", "*", "/", "%"];

    private readonly string _text;
    private readonly int _end;
    private int _pos;

    public JqLexer(string text, int start, int end)
    {
        _text = text;
        _pos = start;
        _end = end;
    }

    public List<JqToken> Tokenize()
    {
        var tokens = new List<JqToken>();
        while (true)
        {
            var token = Next();
            tokens.Add(token);
            if (token.Kind == JqTokenKind.End)
            {
                return tokens;
            }
        }
    }

    private JqToken Next()
    {
        SkipSpaceAndComments();
        if (_pos >= _end)
        {
            return new JqToken(JqTokenKind.End, string.Empty, _end);
        }

        var start = _pos;
        var c = _text[_pos];
        if (c == '"')
        {
            return ReadString();
        }

        if (char.IsAsciiDigit(c))
        {
            return ReadNumber();
        }

        if (c == '.' && _pos + 1 < _end && IsIdentStart(_text[_pos + 1]))
        {
            _pos++;
            var name = ReadIdentText(allowModule: false);
            return new JqToken(JqTokenKind.Field, name, start);
        }

        if (c == '$' && _pos + 1 < _end && IsIdentStart(_text[_pos + 1]))
        {
            _pos++;
            return new JqToken(JqTokenKind.Variable, ReadIdentText(allowModule: true), start);
        }

        if (c == '@' && _pos + 1 < _end && IsIdentStart(_text[_pos + 1]))
        {
            _pos++;
            return new JqToken(JqTokenKind.Format, ReadIdentText(allowModule: false), start);
        }

        if (IsIdentStart(c))
        {
            return new JqToken(JqTokenKind.Ident, ReadIdentText(allowModule: true), start);
        }

        foreach (var symbol in Symbols)
        {
            if (string.CompareOrdinal(_text, _pos, symbol, 0, symbol.Length) == 0 && _pos + symbol.Length <= _end)
            {
                _pos += symbol.Length;
                return new JqToken(JqTokenKind.Symbol, symbol, start);
            }
        }

        throw new JqParseException($"unexpected character '{c}'", start);
    }

    private void SkipSpaceAndComments()
    {
        while (_pos < _end)
        {
            if (char.IsWhiteSpace(_text[_pos]))
            {
                _pos++;
            }
            else if (_text[_pos] == '#')
            {
                while (_pos < _end && _text[_pos] != '\n')
                {
                    _pos++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private static bool IsIdentStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsIdentPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    /// <summary>A name; module-qualified names (<c>iotc::find</c>) are one identifier, as in jq.</summary>
    private string ReadIdentText(bool allowModule)
    {
        var start = _pos;
        while (true)
        {
            while (_pos < _end && IsIdentPart(_text[_pos]))
            {
                _pos++;
            }

            if (allowModule && _pos + 2 < _end && _text[_pos] == ':' && _text[_pos + 1] == ':' && IsIdentStart(_text[_pos + 2]))
            {
                _pos += 2;
                continue;
            }

            return _text[start.._pos];
        }
    }

    private JqToken ReadNumber()
    {
        var start = _pos;
        while (_pos < _end && char.IsAsciiDigit(_text[_pos]))
        {
            _pos++;
        }

        if (_pos + 1 < _end && _text[_pos] == '.' && char.IsAsciiDigit(_text[_pos + 1]))
        {
            _pos++;
            while (_pos < _end && char.IsAsciiDigit(_text[_pos]))
            {
                _pos++;
            }
        }

        if (_pos < _end && (_text[_pos] == 'e' || _text[_pos] == 'E'))
        {
            var mark = _pos++;
            if (_pos < _end && (_text[_pos] == '+' || _text[_pos] == '-'))
            {
                _pos++;
            }

            if (_pos >= _end || !char.IsAsciiDigit(_text[_pos]))
            {
                throw new JqParseException("a number's exponent has no digits", mark);
            }

            while (_pos < _end && char.IsAsciiDigit(_text[_pos]))
            {
                _pos++;
            }
        }

        var text = _text[start.._pos];
        return new JqToken(JqTokenKind.Number, text, start, double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    private JqToken ReadString()
    {
        var start = _pos++;
        var parts = new List<JqStringPart>();
        var literal = new StringBuilder();
        while (true)
        {
            if (_pos >= _end)
            {
                throw new JqParseException("unterminated string", start);
            }

            var c = _text[_pos++];
            if (c == '"')
            {
                break;
            }

            if (c != '\\')
            {
                literal.Append(c);
                continue;
            }

            if (_pos >= _end)
            {
                throw new JqParseException("unterminated string", start);
            }

            var escape = _text[_pos++];
            switch (escape)
            {
                case '"' or '\\' or '/':
                    literal.Append(escape);
                    break;
                case 'b': literal.Append('\b'); break;
                case 'f': literal.Append('\f'); break;
                case 'n': literal.Append('\n'); break;
                case 'r': literal.Append('\r'); break;
                case 't': literal.Append('\t'); break;
                case 'u':
                    if (_pos + 4 > _end || !int.TryParse(_text.AsSpan(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                    {
                        throw new JqParseException("invalid \\u escape", _pos - 2);
                    }

                    literal.Append((char)code);
                    _pos += 4;
                    break;
                case '(':
                    if (literal.Length > 0)
                    {
                        parts.Add(new JqStringPart(literal.ToString(), 0, 0));
                        literal.Clear();
                    }

                    var inner = _pos;
                    SkipInterpolation(_pos - 2);
                    parts.Add(new JqStringPart(null, inner, _pos - 1 - inner));
                    break;
                default:
                    throw new JqParseException($"invalid escape '\\{escape}'", _pos - 2);
            }
        }

        if (literal.Length > 0 || parts.Count == 0)
        {
            parts.Add(new JqStringPart(literal.ToString(), 0, 0));
        }

        return new JqToken(JqTokenKind.String, _text[start.._pos], start, Parts: parts);
    }

    /// <summary>Moves past the ')' that closes an interpolation, skipping nested parentheses and strings.</summary>
    private void SkipInterpolation(int opened)
    {
        var depth = 1;
        while (_pos < _end)
        {
            var c = _text[_pos];
            if (c == '"')
            {
                ReadString();
                continue;
            }

            _pos++;
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && --depth == 0)
            {
                return;
            }
        }

        throw new JqParseException("unterminated string interpolation", opened);
    }
}
