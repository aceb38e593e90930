using System.Globalization;
using System.Text.RegularExpressions;

namespace IoTCentral.Emulator.Features.Query.Syntax;

/// <summary>
/// A recursive-descent parser for the query language:
/// <code>
/// query     := SELECT [TOP n] item {, item} FROM templateId [WHERE or] [GROUP BY WINDOW(duration)] [ORDER BY sort {, sort}]
/// item      := (field | AGG(field)) [AS alias]        AGG := AVG | MIN | MAX | SUM | COUNT | FIRST | LAST
/// sort      := (field | AGG(field)) [ASC | DESC]
/// or        := and {OR and}          and := primary {AND primary}
/// primary   := '(' or ')' | WITHIN_WINDOW(duration | 'start/end') | field IS [NOT] NULL
///            | field IN '[' value {, value} ']' | field op value            op := = != &lt;&gt; &lt; &lt;= &gt; &gt;=
/// value     := number | 'string' | TRUE | FALSE | NULL
/// </code>
/// Every error is a <see cref="QueryException"/> naming the offending token, its position and what was expected.
/// </summary>
internal sealed partial class Parser
{
    private readonly IReadOnlyList<Token> _tokens;
    private readonly IReadOnlyList<string> _metadata;
    private int _index;

    private Parser(IReadOnlyList<Token> tokens, IReadOnlyList<string> metadata)
    {
        _tokens = tokens;
        _metadata = metadata;
    }

    public static QuerySyntax Parse(string query) => new Parser(Lexer.Tokenize(query), DeviceMetadata.All).ParseQuery();

    /// <summary>
    /// A device group's filter, <c>SELECT * FROM devices [WHERE condition]</c>: the same conditions as a query's
    /// WHERE (values may also be "double-quoted"), over the device metadata <see cref="DeviceMetadata.GroupFilter"/>
    /// and property names, without WITHIN_WINDOW. Null when the filter has no WHERE (every device).
    /// </summary>
    public static Condition? ParseGroupFilter(string filter) =>
        new Parser(Lexer.Tokenize(filter, doubleQuotedStrings: true), DeviceMetadata.GroupFilter).ParseGroupFilter();

    private Condition? ParseGroupFilter()
    {
        ExpectKeyword("SELECT");
        Expect(TokenKind.Star, "'*' (a device group selects whole devices)");
        ExpectKeyword("FROM");
        if (!(Current.Kind == TokenKind.Word && string.Equals(Current.Text, "devices", StringComparison.OrdinalIgnoreCase)))
        {
            throw Unexpected("devices (a device group's filter reads FROM devices)");
        }

        _index++;
        var where = AcceptKeyword("WHERE") ? ParseOr() : null;
        if (Current.Kind != TokenKind.End)
        {
            throw Unexpected(where is null ? "WHERE or the end of the filter" : "AND, OR or the end of the filter");
        }

        var window = where is null ? null : Evaluation.QueryValidator.Flatten(where).OfType<WithinWindowCondition>().FirstOrDefault();
        return window is null
            ? where
            : throw new QueryException($"WITHIN_WINDOW at position {window.Position} cannot be used in a device group's filter; a group selects devices, not telemetry.");
    }

    /// <summary>
    /// A data export's filter, <c>SELECT * FROM &lt;template id&gt; [WHERE condition]</c>: the query language's conditions
    /// over the exported message's values and <c>$id</c>, <c>$ts</c>, <c>$provisioned</c>, <c>$simulated</c>, without
    /// WITHIN_WINDOW (an export filters a stream, not a time range).
    /// </summary>
    public static (string TemplateId, Condition? Where) ParseExportFilter(string filter) =>
        new Parser(Lexer.Tokenize(filter, doubleQuotedStrings: true), DeviceMetadata.All).ParseExportFilter();

    private (string TemplateId, Condition? Where) ParseExportFilter()
    {
        ExpectKeyword("SELECT");
        Expect(TokenKind.Star, "'*' (an export filter selects whole messages)");
        ExpectKeyword("FROM");
        var templateId = ParseTemplateId();
        var where = AcceptKeyword("WHERE") ? ParseOr() : null;
        if (Current.Kind != TokenKind.End)
        {
            throw Unexpected(where is null ? "WHERE or the end of the filter" : "AND, OR or the end of the filter");
        }

        var window = where is null ? null : Evaluation.QueryValidator.Flatten(where).OfType<WithinWindowCondition>().FirstOrDefault();
        return window is null
            ? (templateId, where)
            : throw new QueryException($"WITHIN_WINDOW at position {window.Position} cannot be used in an export filter; an export filters each message as it is sent.");
    }

    private Token Current => _tokens[_index];

    private Token Next => _tokens[Math.Min(_index + 1, _tokens.Count - 1)];

    private QuerySyntax ParseQuery()
    {
        ExpectKeyword("SELECT");
        int? top = Current.IsKeyword("TOP") && Next.Kind == TokenKind.Number ? ParseTop() : null;
        var select = ParseList(ParseSelectItem);
        ExpectKeyword("FROM", "',' or FROM");
        var templateId = ParseTemplateId();

        var where = AcceptKeyword("WHERE") ? ParseOr() : null;
        var groupBy = Current.IsKeyword("GROUP") ? ParseGroupBy() : null;
        var orderBy = Current.IsKeyword("ORDER") ? ParseOrderBy() : [];
        if (Current.Kind != TokenKind.End)
        {
            throw Unexpected(WhatMayFollow(where, groupBy, orderBy));
        }

        return new QuerySyntax(top, select, templateId, where, groupBy, orderBy);
    }

    /// <summary>What the grammar allows after the clauses parsed so far, for the message about a stray token.</summary>
    private static string WhatMayFollow(Condition? where, GroupByWindow? groupBy, List<OrderItem> orderBy) =>
        (where, groupBy, orderBy.Count) switch
        {
            (_, _, > 0) => "',', ASC, DESC or the end of the query",
            (_, not null, _) => "ORDER BY or the end of the query",
            (not null, _, _) => "AND, OR, GROUP BY, ORDER BY or the end of the query",
            _ => "WHERE, GROUP BY, ORDER BY or the end of the query",
        };

    private int ParseTop()
    {
        _index++;
        var token = Take();
        var value = (double)token.Value!;
        if (value != Math.Floor(value) || value is < 1 or > QueryLimits.MaxTelemetryRows)
        {
            throw new QueryException(
                $"TOP {token.Text} at position {token.Position} is not allowed; TOP takes a whole number from 1 to {QueryLimits.MaxTelemetryRows:N0}.");
        }

        return (int)value;
    }

    private List<T> ParseList<T>(Func<T> parseItem)
    {
        var items = new List<T> { parseItem() };
        while (Current.Kind == TokenKind.Comma)
        {
            _index++;
            items.Add(parseItem());
        }

        return items;
    }

    private SelectItem ParseSelectItem()
    {
        if (Current.Kind == TokenKind.Star)
        {
            throw new QueryException(
                $"The wildcard '*' at position {Current.Position} is not supported; list the telemetry or properties to select (at most {QueryLimits.MaxSelectItems}).");
        }

        var expression = ParseExpression("a telemetry, property, $id, $ts or aggregate to select");
        string? alias = null;
        if (AcceptKeyword("AS"))
        {
            var token = Current;
            if (token.Kind != TokenKind.Word || Keywords.IsReserved(token.Text) || !AliasPattern().IsMatch(token.Text))
            {
                throw Unexpected("an alias (letters, digits and '_', starting with a letter or '_')");
            }

            alias = Take().Text;
        }

        return new SelectItem(expression, alias);
    }

    private Expression ParseExpression(string expected)
    {
        var token = Current;
        if (token.Kind == TokenKind.Word && Next.Kind == TokenKind.LeftParen && Keywords.Aggregate(token.Text) is { } function)
        {
            _index += 2;
            if (Current.Kind == TokenKind.Star)
            {
                throw new QueryException(
                    $"{token.Text.ToUpperInvariant()}(*) at position {token.Position} is not supported; aggregate a telemetry, e.g. {token.Text.ToUpperInvariant()}(temperature).");
            }

            var field = ParseField("a telemetry to aggregate");
            Expect(TokenKind.RightParen, "')'");
            return new AggregateCall(function, field, token.Position);
        }

        return ParseField(expected);
    }

    private FieldPath ParseField(string expected)
    {
        var token = Current;
        if (token.Kind != TokenKind.Word || Keywords.IsReserved(token.Text))
        {
            throw Unexpected(expected);
        }

        if (token.Text.StartsWith('$'))
        {
            if (!_metadata.Contains(token.Text, StringComparer.Ordinal))
            {
                throw new QueryException(
                    $"Unknown device metadata '{token.Text}' at position {token.Position}; use {string.Join(", ", _metadata)}.");
            }
        }
        else if (!PathPattern().IsMatch(token.Text))
        {
            throw new QueryException(
                $"'{token.Text}' at position {token.Position} is not a valid name; a telemetry or property is a name or component.name (letters, digits and '_').");
        }

        _index++;
        return new FieldPath(token.Text, token.Position);
    }

    private string ParseTemplateId()
    {
        var token = Current;
        if (token.Kind == TokenKind.String && !string.IsNullOrWhiteSpace((string)token.Value!))
        {
            _index++;
            return (string)token.Value!;
        }

        if (token.Kind != TokenKind.Word || Keywords.IsReserved(token.Text))
        {
            throw Unexpected("a device template id (for example dtmi:contoso:thermostat;1)");
        }

        _index++;
        return token.Text;
    }

    private GroupByWindow ParseGroupBy()
    {
        _index++;
        ExpectKeyword("BY");
        var window = Current;
        if (!window.IsKeyword("WINDOW"))
        {
            throw Unexpected("WINDOW (the query language groups by time window only)");
        }

        _index++;
        Expect(TokenKind.LeftParen, "'('");
        var duration = ParseDuration();
        Expect(TokenKind.RightParen, "')'");
        return new GroupByWindow(duration, window.Position);
    }

    private List<OrderItem> ParseOrderBy()
    {
        _index++;
        ExpectKeyword("BY");
        return ParseList(() =>
        {
            var expression = ParseExpression("a telemetry, $id, $ts, alias or aggregate to sort by");
            var descending = AcceptKeyword("DESC");
            if (!descending)
            {
                AcceptKeyword("ASC");
            }

            return new OrderItem(expression, descending);
        });
    }

    private Condition ParseOr()
    {
        var left = ParseAnd();
        while (Current.IsKeyword("OR"))
        {
            var position = Take().Position;
            left = new OrCondition(left, ParseAnd(), position);
        }

        return left;
    }

    private Condition ParseAnd()
    {
        var left = ParsePrimary();
        while (Current.IsKeyword("AND"))
        {
            var position = Take().Position;
            left = new AndCondition(left, ParsePrimary(), position);
        }

        return left;
    }

    private Condition ParsePrimary()
    {
        if (Current.Kind == TokenKind.LeftParen)
        {
            _index++;
            var inner = ParseOr();
            Expect(TokenKind.RightParen, "')', AND or OR");
            return inner;
        }

        if (Current.IsKeyword("WITHIN_WINDOW") && Next.Kind == TokenKind.LeftParen)
        {
            return ParseWithinWindow();
        }

        var field = ParseField("a condition (a telemetry, property, $id or $ts, WITHIN_WINDOW or '(')");
        var token = Current;
        if (AcceptKeyword("IS"))
        {
            var not = AcceptKeyword("NOT");
            ExpectKeyword("NULL", not ? "NULL" : "NULL or NOT NULL");
            return new NullCondition(field, !not, token.Position);
        }

        if (AcceptKeyword("IN"))
        {
            Expect(TokenKind.LeftBracket, "'[' to start the list of values");
            var values = ParseList(ParseLiteral);
            Expect(TokenKind.RightBracket, "',' or ']'");
            if (values.Any(v => v.Value is null))
            {
                throw new QueryException($"The IN list at position {token.Position} contains NULL; use IS NULL to test for a missing value.");
            }

            return new InCondition(field, values, token.Position);
        }

        if (token.Kind != TokenKind.Operator)
        {
            throw Unexpected("a comparison (=, !=, <>, <, <=, >, >=), IN or IS");
        }

        _index++;
        var op = token.Text switch
        {
            "=" => ComparisonOperator.Equal,
            "!=" or "<>" => ComparisonOperator.NotEqual,
            "<" => ComparisonOperator.Less,
            "<=" => ComparisonOperator.LessOrEqual,
            ">" => ComparisonOperator.Greater,
            _ => ComparisonOperator.GreaterOrEqual,
        };
        var literal = ParseLiteral();
        if (literal.Value is not null)
        {
            return new ComparisonCondition(field, op, literal, token.Position);
        }

        return op switch
        {
            ComparisonOperator.Equal => new NullCondition(field, true, token.Position),
            ComparisonOperator.NotEqual => new NullCondition(field, false, token.Position),
            _ => throw new QueryException(
                $"NULL cannot be compared with '{token.Text}' at position {token.Position}; use = NULL, <> NULL, IS NULL or IS NOT NULL."),
        };
    }

    private Condition ParseWithinWindow()
    {
        var position = Take().Position;
        _index++;
        Condition condition;
        if (Current.Kind == TokenKind.String)
        {
            var token = Take();
            condition = new WithinWindowCondition(null, ParseAbsoluteRange(token), position);
        }
        else
        {
            condition = new WithinWindowCondition(ParseDuration(), null, position);
        }

        Expect(TokenKind.RightParen, "')'");
        return condition;
    }

    private IsoDuration ParseDuration()
    {
        var token = Current;
        if (token.Kind != TokenKind.Word)
        {
            throw Unexpected("an ISO 8601 duration such as PT10M, P1D or P1W");
        }

        var duration = IsoDuration.TryParse(token.Text)
            ?? throw new QueryException(
                $"'{token.Text}' at position {token.Position} is not an ISO 8601 duration; write for example PT10M, PT1H, P1D, P2DT12H or P1W.");
        if (duration.IsFixedLength && duration.FixedLength() is { } length && length <= TimeSpan.Zero)
        {
            throw new QueryException($"The duration '{token.Text}' at position {token.Position} must be longer than zero.");
        }

        _index++;
        return duration;
    }

    /// <summary>The docs' specific range, <c>'2021-06-13T13:00:00Z/2021-06-13T15:30:00Z'</c>.</summary>
    private static TimeRange ParseAbsoluteRange(Token token)
    {
        var parts = ((string)token.Value!).Split('/');
        if (parts.Length == 2 && TryParseInstant(parts[0], out var from) && TryParseInstant(parts[1], out var to) && from < to)
        {
            return new TimeRange(from, to);
        }

        throw new QueryException(
            $"The time range {token.Text} at position {token.Position} is not valid; write 'start/end' in ISO 8601 with start before end, e.g. '2021-06-13T13:00:00Z/2021-06-13T15:30:00Z'.");
    }

    public static bool TryParseInstant(string text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant);

    private Literal ParseLiteral()
    {
        var token = Current;
        object? value = token.Kind switch
        {
            TokenKind.Number or TokenKind.String => token.Value,
            TokenKind.Word when token.IsKeyword("TRUE") => true,
            TokenKind.Word when token.IsKeyword("FALSE") => false,
            TokenKind.Word when token.IsKeyword("NULL") => null,
            _ => throw Unexpected("a value (a number, a 'string', true, false or null)"),
        };
        _index++;
        return new Literal(value, token.Text, token.Position);
    }

    private Token Take() => _tokens[_index++];

    private bool AcceptKeyword(string keyword)
    {
        if (!Current.IsKeyword(keyword))
        {
            return false;
        }

        _index++;
        return true;
    }

    private void ExpectKeyword(string keyword, string? expected = null)
    {
        if (!AcceptKeyword(keyword))
        {
            throw Unexpected(expected ?? keyword);
        }
    }

    private void Expect(TokenKind kind, string expected)
    {
        if (Current.Kind != kind)
        {
            throw Unexpected(expected);
        }

        _index++;
    }

    private QueryException Unexpected(string expected) => Current.Kind == TokenKind.End
        ? new QueryException($"Unexpected end of query at position {Current.Position}; expected {expected}.")
        : new QueryException($"Unexpected token {Current.Describe()} at position {Current.Position}; expected {expected}.");

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PathPattern();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex AliasPattern();
}
