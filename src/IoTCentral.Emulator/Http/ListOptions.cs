using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace IoTCentral.Emulator.Http;

/// <summary>
/// The preview's <c>filter</c> and <c>orderby</c> query parameters of a list (devices, dashboards, deployment
/// manifests). The spec does not define their grammar, so the emulator takes a small OData-like subset and answers
/// 400 for anything else: <c>field eq|ne literal</c> on the list's fields, joined with <c>and</c>/<c>or</c> (and binds
/// tighter) and grouped with parentheses; literals are 'quoted strings' (a quote doubled inside), true, false and
/// null. <c>orderby</c> is <c>id</c> or <c>displayName</c>, then asc or desc.
/// </summary>
/// <param name="List">The list's name in messages ("device list").</param>
/// <param name="Id">An item's id (the default order and the tie-breaker).</param>
/// <param name="DisplayName">An item's display name (orderby displayName).</param>
/// <param name="Fields">Each filterable field and its reader; given null, a reader tells the field's kind (false for booleans, null for strings).</param>
internal sealed record ListFields<T>(string List, IReadOnlyList<(string Name, Func<T?, object?> Read)> Fields, Func<T, string> Id, Func<T, string> DisplayName)
    where T : class;

internal sealed class ListOptions<T>
    where T : class
{
    public const string FilterQueryName = "filter";
    public const string OrderByQueryName = "orderby";

    private ListOptions(Func<T, bool> filter, Func<T, string> key, bool descending)
    {
        Filter = filter;
        Key = key;
        Descending = descending;
    }

    public Func<T, bool> Filter { get; }

    /// <summary>The position of a device in the order: the sort field, then the id, so that equal names keep one order.</summary>
    public Func<T, string> Key { get; }

    public bool Descending { get; }

    /// <summary>The options of this request, or null when it has neither filter nor orderby (the plain list).</summary>
    public static ListOptions<T>? From(HttpContext context, ListFields<T> fields)
    {
        var query = context.Request.Query;
        var filter = Single(query, FilterQueryName);
        var orderBy = Single(query, OrderByQueryName);
        if (filter is null && orderBy is null)
        {
            return null;
        }

        var version = RequestContext.Of(context).ApiVersion;
        if (version != ApiVersions.Preview)
        {
            throw ApiException.BadRequest(
                $"The '{FilterQueryName}' and '{OrderByQueryName}' query parameters of the {fields.List} exist in api-version {ApiVersions.Preview} only, not '{version}'.");
        }

        var predicate = filter is null ? (_ => true) : new FilterParser(filter, fields).Parse();
        var (key, descending) = ParseOrderBy(orderBy, fields);
        return new ListOptions<T>(predicate, key, descending);
    }

    private static string? Single(IQueryCollection query, string name)
    {
        var values = query[name];
        if (values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1 || string.IsNullOrWhiteSpace(values[0]))
        {
            throw ApiException.BadRequest($"The '{name}' query parameter must be given once, with a value.");
        }

        return values[0];
    }

    private static (Func<T, string> Key, bool Descending) ParseOrderBy(string? orderBy, ListFields<T> fields)
    {
        if (orderBy is null)
        {
            return (fields.Id, false);
        }

        var words = orderBy.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var descending = words.Length == 2 && string.Equals(words[1], "desc", StringComparison.OrdinalIgnoreCase);
        var validDirection = words.Length == 1 || (words.Length == 2 && (descending || string.Equals(words[1], "asc", StringComparison.OrdinalIgnoreCase)));
        if (validDirection && string.Equals(words[0], "id", StringComparison.OrdinalIgnoreCase))
        {
            return (fields.Id, descending);
        }

        if (validDirection && string.Equals(words[0], "displayName", StringComparison.OrdinalIgnoreCase))
        {
            // U+0000 sorts before every character, so a shorter name comes before the longer names it begins.
            return (d => fields.DisplayName(d) + "\u0000" + fields.Id(d), descending);
        }

        throw ApiException.BadRequest(
            $"The emulator supports orderby 'id' or 'displayName', optionally followed by 'asc' or 'desc'; '{orderBy}' is not supported.");
    }

    /// <summary>A recursive-descent parser for the subset described on the class.</summary>
    private sealed class FilterParser(string text, ListFields<T> fields)
    {
        private int _position;

        public Func<T, bool> Parse()
        {
            var result = ParseOr();
            SkipSpaces();
            if (_position < text.Length)
            {
                throw Unsupported($"unexpected text at position {_position + 1}");
            }

            return result;
        }

        private Func<T, bool> ParseOr()
        {
            var left = ParseAnd();
            while (TryKeyword("or"))
            {
                var l = left;
                var right = ParseAnd();
                left = d => l(d) || right(d);
            }

            return left;
        }

        private Func<T, bool> ParseAnd()
        {
            var left = ParseComparison();
            while (TryKeyword("and"))
            {
                var l = left;
                var right = ParseComparison();
                left = d => l(d) && right(d);
            }

            return left;
        }

        private Func<T, bool> ParseComparison()
        {
            SkipSpaces();
            if (_position < text.Length && text[_position] == '(')
            {
                _position++;
                var inner = ParseOr();
                SkipSpaces();
                if (_position >= text.Length || text[_position] != ')')
                {
                    throw Unsupported("a '(' is not closed");
                }

                _position++;
                return inner;
            }

            var field = Word();
            var match = fields.Fields.FirstOrDefault(f => string.Equals(f.Name, field, StringComparison.OrdinalIgnoreCase));
            var canonical = match.Name ?? throw Unsupported($"'{field}' is not a field the emulator filters on ({FieldNames})");
            var op = Word();
            var equal = string.Equals(op, "eq", StringComparison.OrdinalIgnoreCase);
            if (!equal && !string.Equals(op, "ne", StringComparison.OrdinalIgnoreCase))
            {
                throw Unsupported($"'{op}' is not supported; use eq or ne");
            }

            var literal = Literal();
            var read = match.Read;
            if (read(null) is bool && literal is not bool && literal is not null)
            {
                throw Unsupported($"'{canonical}' is true or false, not a string");
            }

            if (read(null) is null && literal is bool)
            {
                throw Unsupported($"'{canonical}' is a string, not true or false");
            }

            return d => Equals(read(d), literal) == equal;
        }

        private object? Literal()
        {
            SkipSpaces();
            if (_position < text.Length && text[_position] == '\'')
            {
                var value = new StringBuilder();
                _position++;
                while (_position < text.Length)
                {
                    if (text[_position] == '\'')
                    {
                        if (_position + 1 < text.Length && text[_position + 1] == '\'')
                        {
                            value.Append('\'');
                            _position += 2;
                            continue;
                        }

                        _position++;
                        return value.ToString();
                    }

                    value.Append(text[_position++]);
                }

                throw Unsupported("a string is not closed");
            }

            var word = Word();
            return word.ToLowerInvariant() switch
            {
                "true" => true,
                "false" => false,
                "null" => null,
                _ => throw Unsupported($"'{word}' is not a literal; quote strings ('...') or use true, false or null"),
            };
        }

        private string Word()
        {
            SkipSpaces();
            var start = _position;
            while (_position < text.Length && (char.IsLetterOrDigit(text[_position]) || text[_position] == '_'))
            {
                _position++;
            }

            if (start == _position)
            {
                throw Unsupported(_position < text.Length ? $"unexpected '{text[_position]}' at position {_position + 1}" : "the expression ends too early");
            }

            return text[start.._position];
        }

        private bool TryKeyword(string keyword)
        {
            SkipSpaces();
            var end = _position + keyword.Length;
            if (end < text.Length && string.Compare(text, _position, keyword, 0, keyword.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (char.IsWhiteSpace(text[end]) || text[end] == '('))
            {
                _position = end;
                return true;
            }

            return false;
        }

        private void SkipSpaces()
        {
            while (_position < text.Length && char.IsWhiteSpace(text[_position]))
            {
                _position++;
            }
        }

        private string FieldNames => string.Join(", ", fields.Fields.Select(f => f.Name));

        private ApiException Unsupported(string reason) => ApiException.BadRequest(
            string.Create(CultureInfo.InvariantCulture, $"The filter '{text}' is not supported by the emulator: {reason}. It supports field eq|ne literal on {FieldNames}, joined with and/or and parentheses."));
    }
}
