using System.Text.Json.Nodes;

namespace IoTCentral.Emulator.Features.DataExport.Transforms;

/// <summary>
/// Parses a jq program into a <see cref="JqAst"/> with jq's precedence (lowest first): <c>|</c>, <c>,</c>,
/// <c>//</c>, assignments, <c>or</c>, <c>and</c>, comparisons, <c>+ -</c>, <c>* / %</c>, then postfix terms.
/// Unknown functions and variables are parse errors, so a bad transform is refused when the export is written.
/// </summary>
internal sealed class JqParser
{
    private static readonly string[] Comparisons = ["==", "!=", "<", "<=", ">", ">="];
    private static readonly string[] Assignments = ["=", "|=", "+=", "-=", "*=", "/=", "%=", "//="];

    private readonly string _text;
    private readonly List<JqToken> _tokens;
    private readonly List<string> _scope;
    private readonly HashSet<string> _modules;
    private int _index;

    private JqParser(string text, int start, int end, List<string> scope, HashSet<string> modules)
    {
        _text = text;
        _tokens = new JqLexer(text, start, end).Tokenize();
        _scope = scope;
        _modules = modules;
    }

    public static JqAst Parse(string text)
    {
        var parser = new JqParser(text, 0, text.Length, [], new HashSet<string>(StringComparer.Ordinal));
        parser.Directives();
        var result = parser.Pipe(comma: true);
        parser.Expect(JqTokenKind.End);
        return result;
    }

    private JqToken Peek => _tokens[_index];

    private JqToken Take() => _tokens[_index++];

    private bool TakeIf(string symbol)
    {
        if (Peek.Is(symbol))
        {
            _index++;
            return true;
        }

        return false;
    }

    private JqToken Expect(string symbol)
    {
        if (!Peek.Is(symbol))
        {
            throw Unexpected($"'{symbol}'");
        }

        return Take();
    }

    private JqToken Expect(JqTokenKind kind)
    {
        if (Peek.Kind != kind)
        {
            throw Unexpected(kind == JqTokenKind.End ? "the end of the query" : kind.ToString().ToLowerInvariant());
        }

        return Take();
    }

    private void ExpectKeyword(string word)
    {
        if (!Peek.IsKeyword(word))
        {
            throw Unexpected($"'{word}'");
        }

        _index++;
    }

    private JqParseException Unexpected(string expected) =>
        new($"syntax error: unexpected {Peek}, expected {expected}", Peek.Position);

    /// <summary><c>import "iotc" as iotc;</c>: IoT Central's module, whose <c>find(f)</c> the evaluator provides.</summary>
    private void Directives()
    {
        while (Peek.IsKeyword("import") || Peek.IsKeyword("include"))
        {
            var directive = Take();
            var path = Expect(JqTokenKind.String);
            var name = path.Parts is [{ Text: { } literal }] ? literal : null;
            if (directive.Text == "include" || name != "iotc")
            {
                throw new JqParseException($"module \"{name}\" is not available; only import \"iotc\" as <name>; is", path.Position);
            }

            ExpectKeyword("as");
            var alias = Expect(JqTokenKind.Ident);
            Expect(";");
            _modules.Add(alias.Text);
        }
    }

    private JqAst Pipe(bool comma)
    {
        if (Peek.IsKeyword("def"))
        {
            throw new JqParseException("function definitions (def) are not supported by the emulator", Peek.Position);
        }

        var left = comma ? Comma() : Alternative();
        if (Peek.Is("|"))
        {
            var at = Take().Position;
            return new JqPipe(at, left, Pipe(comma));
        }

        return left;
    }

    private JqAst Comma()
    {
        var left = Alternative();
        while (Peek.Is(","))
        {
            var at = Take().Position;
            left = new JqComma(at, left, Alternative());
        }

        return left;
    }

    private JqAst Alternative()
    {
        var left = Assignment();
        if (Peek.Is("//"))
        {
            var at = Take().Position;
            return new JqBinary(at, "//", left, Alternative());
        }

        return left;
    }

    private JqAst Assignment()
    {
        var left = Or();
        if (Peek.Kind == JqTokenKind.Symbol && Assignments.Contains(Peek.Text))
        {
            var op = Take();
            return new JqBinary(op.Position, op.Text, left, Or());
        }

        return left;
    }

    private JqAst Or()
    {
        var left = And();
        while (Peek.IsKeyword("or"))
        {
            var at = Take().Position;
            left = new JqBinary(at, "or", left, And());
        }

        return left;
    }

    private JqAst And()
    {
        var left = Comparison();
        while (Peek.IsKeyword("and"))
        {
            var at = Take().Position;
            left = new JqBinary(at, "and", left, Comparison());
        }

        return left;
    }

    private JqAst Comparison()
    {
        var left = Additive();
        if (Peek.Kind == JqTokenKind.Symbol && Comparisons.Contains(Peek.Text))
        {
            var op = Take();
            left = new JqBinary(op.Position, op.Text, left, Additive());
            if (Peek.Kind == JqTokenKind.Symbol && Comparisons.Contains(Peek.Text))
            {
                throw new JqParseException("syntax error: comparisons cannot be chained; use parentheses", Peek.Position);
            }
        }

        return left;
    }

    private JqAst Additive()
    {
        var left = Multiplicative();
        while (Peek.Is("+") || Peek.Is("-"))
        {
            var op = Take();
            left = new JqBinary(op.Position, op.Text, left, Multiplicative());
        }

        return left;
    }

    private JqAst Multiplicative()
    {
        var left = Unary();
        while (Peek.Is("*") || Peek.Is("/") || Peek.Is("%"))
        {
            var op = Take();
            left = new JqBinary(op.Position, op.Text, left, Unary());
        }

        return left;
    }

    private JqAst Unary()
    {
        if (Peek.Is("-"))
        {
            var at = Take().Position;
            return new JqNegate(at, Unary());
        }

        return Postfix(allowBinding: true);
    }

    private JqAst Postfix(bool allowBinding)
    {
        var term = Term();
        while (true)
        {
            var token = Peek;
            if (token.Kind == JqTokenKind.Field)
            {
                _index++;
                term = new JqIndex(token.Position, term, new JqLiteral(token.Position, JsonValue.Create(token.Text)));
            }
            else if (token.Is(".") && _tokens[_index + 1].Kind == JqTokenKind.String)
            {
                _index++;
                term = new JqIndex(token.Position, term, StringTerm(Take(), null));
            }
            else if (token.Is(".") && _tokens[_index + 1].Is("["))
            {
                _index++;
            }
            else if (token.Is("["))
            {
                term = Bracket(term);
            }
            else if (token.Is("?"))
            {
                _index++;
                term = new JqTry(token.Position, term, null);
            }
            else
            {
                break;
            }
        }

        if (allowBinding && Peek.IsKeyword("as"))
        {
            var at = Take().Position;
            var name = BindingName();
            Expect("|");
            _scope.Add(name);
            var body = Pipe(comma: true);
            _scope.RemoveAt(_scope.Count - 1);
            return new JqBind(at, term, name, body);
        }

        return term;
    }

    private string BindingName()
    {
        if (Peek.Is("[") || Peek.Is("{"))
        {
            throw new JqParseException("destructuring patterns are not supported by the emulator; bind a $name", Peek.Position);
        }

        return Expect(JqTokenKind.Variable).Text;
    }

    private JqAst Bracket(JqAst target)
    {
        var at = Expect("[").Position;
        if (TakeIf("]"))
        {
            return new JqIterate(at, target);
        }

        if (TakeIf(":"))
        {
            var to = Pipe(comma: true);
            Expect("]");
            return new JqSlice(at, target, null, to);
        }

        var index = Pipe(comma: true);
        if (TakeIf(":"))
        {
            var to = Peek.Is("]") ? null : Pipe(comma: true);
            Expect("]");
            return new JqSlice(at, target, index, to);
        }

        Expect("]");
        return new JqIndex(at, target, index);
    }

    private JqAst Term()
    {
        var token = Peek;
        switch (token.Kind)
        {
            case JqTokenKind.Number:
                _index++;
                return new JqLiteral(token.Position, JqValues.Number(token.Number));
            case JqTokenKind.String:
                _index++;
                return StringTerm(token, null);
            case JqTokenKind.Format:
                _index++;
                if (!JqBuiltins.Formats.Contains(token.Text))
                {
                    throw new JqParseException($"@{token.Text} is not a valid format", token.Position);
                }

                return Peek.Kind == JqTokenKind.String ? StringTerm(Take(), token.Text) : new JqFormat(token.Position, token.Text);
            case JqTokenKind.Field:
                _index++;
                return new JqIndex(token.Position, new JqIdentity(token.Position), new JqLiteral(token.Position, JsonValue.Create(token.Text)));
            case JqTokenKind.Variable:
                _index++;
                if (!_scope.Contains(token.Text))
                {
                    throw new JqParseException($"${token.Text} is not defined", token.Position);
                }

                return new JqVariable(token.Position, token.Text);
            case JqTokenKind.Ident:
                return Word();
        }

        if (token.Is("."))
        {
            _index++;
            return Peek.Kind == JqTokenKind.String
                ? new JqIndex(token.Position, new JqIdentity(token.Position), StringTerm(Take(), null))
                : new JqIdentity(token.Position);
        }

        if (token.Is(".."))
        {
            _index++;
            return new JqRecurseAll(token.Position);
        }

        if (token.Is("("))
        {
            _index++;
            var inner = Pipe(comma: true);
            Expect(")");
            return inner;
        }

        if (token.Is("["))
        {
            _index++;
            if (TakeIf("]"))
            {
                return new JqArray(token.Position, null);
            }

            var items = Pipe(comma: true);
            Expect("]");
            return new JqArray(token.Position, items);
        }

        if (token.Is("{"))
        {
            return Object();
        }

        throw Unexpected("a value or filter");
    }

    private JqAst Word()
    {
        var token = Take();
        switch (token.Text)
        {
            case "true": return new JqLiteral(token.Position, JsonValue.Create(true));
            case "false": return new JqLiteral(token.Position, JsonValue.Create(false));
            case "null": return new JqLiteral(token.Position, null);
            case "if": return If(token.Position);
            case "try":
                var body = Postfix(allowBinding: false);
                JqAst? handler = null;
                if (Peek.IsKeyword("catch"))
                {
                    _index++;
                    handler = Postfix(allowBinding: false);
                }

                return new JqTry(token.Position, body, handler);
            case "reduce" or "foreach": return Fold(token);
            case "def":
                throw new JqParseException("function definitions (def) are not supported by the emulator", token.Position);
            case "label" or "break":
                throw new JqParseException($"'{token.Text}' is not supported by the emulator", token.Position);
            case "then" or "elif" or "else" or "end" or "as" or "catch" or "and" or "or" or "import" or "include":
                throw new JqParseException($"syntax error: unexpected '{token.Text}'", token.Position);
        }

        var arguments = new List<JqAst>();
        if (TakeIf("("))
        {
            do
            {
                arguments.Add(Pipe(comma: true));
            }
            while (TakeIf(";"));
            Expect(")");
        }

        var name = token.Text;
        var separator = name.IndexOf("::", StringComparison.Ordinal);
        if (separator >= 0)
        {
            var module = name[..separator];
            if (!_modules.Contains(module))
            {
                throw new JqParseException($"{name}/{arguments.Count} is not defined (no module imported as {module})", token.Position);
            }

            name = "iotc::" + name[(separator + 2)..];
        }

        if (!JqBuiltins.IsDefined(name, arguments.Count))
        {
            throw new JqParseException($"{token.Text}/{arguments.Count} is not defined", token.Position);
        }

        return new JqCall(token.Position, name, arguments);
    }

    private JqAst If(int at)
    {
        var condition = Pipe(comma: true);
        ExpectKeyword("then");
        var then = Pipe(comma: true);
        JqAst? otherwise = null;
        if (Peek.IsKeyword("elif"))
        {
            otherwise = If(Take().Position);
            return new JqIf(at, condition, then, otherwise);
        }

        if (Peek.IsKeyword("else"))
        {
            _index++;
            otherwise = Pipe(comma: true);
        }

        ExpectKeyword("end");
        return new JqIf(at, condition, then, otherwise);
    }

    /// <summary><c>reduce Source as $x (init; update)</c> and <c>foreach Source as $x (init; update; extract)</c>.</summary>
    private JqAst Fold(JqToken keyword)
    {
        var source = Postfix(allowBinding: false);
        ExpectKeyword("as");
        var name = BindingName();
        Expect("(");
        var init = Pipe(comma: true);
        Expect(";");
        _scope.Add(name);
        var update = Pipe(comma: true);
        JqAst? extract = null;
        if (keyword.Text == "foreach" && TakeIf(";"))
        {
            extract = Pipe(comma: true);
        }

        _scope.RemoveAt(_scope.Count - 1);
        Expect(")");
        return keyword.Text == "reduce"
            ? new JqReduce(keyword.Position, source, name, init, update)
            : new JqForeach(keyword.Position, source, name, init, update, extract);
    }

    private JqAst Object()
    {
        var at = Expect("{").Position;
        var entries = new List<(JqAst, JqAst)>();
        while (!Peek.Is("}"))
        {
            var token = Peek;
            JqAst key;
            JqAst? value = null;
            if (token.Kind == JqTokenKind.Variable)
            {
                key = new JqLiteral(token.Position, JsonValue.Create(token.Text));
                value = Term();
            }
            else if (token.Kind == JqTokenKind.Ident)
            {
                _index++;
                key = new JqLiteral(token.Position, JsonValue.Create(token.Text));
            }
            else if (token.Kind is JqTokenKind.String or JqTokenKind.Number)
            {
                _index++;
                if (token.Kind == JqTokenKind.Number)
                {
                    throw new JqParseException("syntax error: an object key must be a name, a string or (an expression)", token.Position);
                }

                key = StringTerm(token, null);
            }
            else if (token.Is("("))
            {
                _index++;
                key = Pipe(comma: true);
                Expect(")");
                if (!Peek.Is(":"))
                {
                    throw Unexpected("':' after a computed key");
                }
            }
            else
            {
                throw Unexpected("an object key");
            }

            if (value is null)
            {
                value = TakeIf(":")
                    ? Pipe(comma: false)
                    : new JqIndex(token.Position, new JqIdentity(token.Position), key);
            }

            entries.Add((key, value));
            if (!TakeIf(","))
            {
                break;
            }
        }

        Expect("}");
        return new JqObject(at, entries);
    }

    private JqAst StringTerm(JqToken token, string? format)
    {
        var parts = token.Parts!;
        if (format is null && parts is [{ Text: { } literal }])
        {
            return new JqLiteral(token.Position, JsonValue.Create(literal));
        }

        var pieces = new List<object>();
        foreach (var part in parts)
        {
            if (part.Text is not null)
            {
                pieces.Add(part.Text);
                continue;
            }

            var inner = new JqParser(_text, part.Start, part.Start + part.Length, _scope, _modules);
            var expression = inner.Pipe(comma: true);
            inner.Expect(JqTokenKind.End);
            pieces.Add(expression);
        }

        return new JqInterpolation(token.Position, pieces, format);
    }
}
