using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IoTCentral.Emulator.Features.DataExport.Transforms;

/// <summary>
/// The builtin functions, by name and arity. Functions of values (<c>pow(a; b)</c>) run once per combination of
/// their arguments' outputs; functions of filters (<c>map(f)</c>, <c>select(f)</c>) run the filter themselves.
/// Regular expressions are .NET's, which accept most of jq's Oniguruma syntax.
/// </summary>
internal static class JqBuiltins
{
    private delegate IEnumerable<JsonNode?> Builtin(JqCall call, JsonNode? input, JqEnv? env);

    public static readonly IReadOnlySet<string> Formats = new HashSet<string>(StringComparer.Ordinal)
        { "text", "json", "base64", "base64d", "uri", "csv", "tsv", "html", "sh" };

    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    private static readonly Dictionary<string, Builtin> Table = new(StringComparer.Ordinal)
    {
        ["empty/0"] = (_, _, _) => [],
        ["not/0"] = Value(v => JqValues.Bool(!JqValues.Truthy(v))),
        ["error/0"] = (_, v, _) => throw new JqRuntimeException(v),
        ["error/1"] = (c, v, e) => Arg(c, 0, v, e).Select<JsonNode?, JsonNode?>(m => throw new JqRuntimeException(m)),
        ["length/0"] = Value(Length),
        ["utf8bytelength/0"] = Value(v => JqValues.IsString(v) ? JqValues.Number(Encoding.UTF8.GetByteCount(JqValues.ToText(v))) : throw Fail($"{JqValues.Describe(v)} only strings have UTF-8 byte length")),
        ["keys/0"] = Value(v => Keys(v, sorted: true)),
        ["keys_unsorted/0"] = Value(v => Keys(v, sorted: false)),
        ["values/0"] = Filter(v => !JqValues.IsNull(v)),
        ["has/1"] = Value1(Has),
        ["in/1"] = Value1((v, o) => Has(o, v)),
        ["map/1"] = (c, v, e) => [new JsonArray(JqEvaluator.Iterate(v).SelectMany(x => JqEvaluator.Eval(c.Arguments[0], x, e)).Select(JqValues.Own).ToArray())],
        ["map_values/1"] = (c, v, e) => [MapValues(c.Arguments[0], v, e)],
        ["select/1"] = (c, v, e) => JqEvaluator.Eval(c.Arguments[0], v, e).Where(JqValues.Truthy).Select(_ => v),
        ["iotc::find/1"] = (c, v, e) => JqEvaluator.Iterate(v).SelectMany(x => JqEvaluator.Eval(c.Arguments[0], x, e).Where(JqValues.Truthy).Select(_ => x)),
        ["recurse/0"] = (_, v, _) => JqEvaluator.Recurse(v),
        ["recurse/1"] = (c, v, e) => RecurseWith(c.Arguments[0], v, e),
        ["to_entries/0"] = Value(ToEntries),
        ["from_entries/0"] = Value(FromEntries),
        ["with_entries/1"] = (c, v, e) => [FromEntries(new JsonArray(JqEvaluator.Iterate(ToEntries(v)).SelectMany(x => JqEvaluator.Eval(c.Arguments[0], x, e)).Select(JqValues.Own).ToArray()))],
        ["add/0"] = Value(v => JqEvaluator.Iterate(v).Aggregate((JsonNode?)null, JqArithmetic.Add)),
        ["add/1"] = (c, v, e) => [JqEvaluator.Eval(c.Arguments[0], v, e).Aggregate((JsonNode?)null, JqArithmetic.Add)],
        ["any/0"] = Value(v => JqValues.Bool(JqEvaluator.Iterate(v).Any(JqValues.Truthy))),
        ["all/0"] = Value(v => JqValues.Bool(JqEvaluator.Iterate(v).All(JqValues.Truthy))),
        ["any/1"] = (c, v, e) => [JqValues.Bool(JqEvaluator.Iterate(v).Any(x => JqEvaluator.Eval(c.Arguments[0], x, e).Any(JqValues.Truthy)))],
        ["all/1"] = (c, v, e) => [JqValues.Bool(JqEvaluator.Iterate(v).All(x => JqEvaluator.Eval(c.Arguments[0], x, e).All(JqValues.Truthy)))],
        ["any/2"] = (c, v, e) => [JqValues.Bool(JqEvaluator.Eval(c.Arguments[0], v, e).Any(x => JqEvaluator.Eval(c.Arguments[1], x, e).Any(JqValues.Truthy)))],
        ["all/2"] = (c, v, e) => [JqValues.Bool(JqEvaluator.Eval(c.Arguments[0], v, e).All(x => JqEvaluator.Eval(c.Arguments[1], x, e).All(JqValues.Truthy)))],
        ["range/1"] = (c, v, e) => Arg(c, 0, v, e).SelectMany(n => Range(0, Num(n), 1)),
        ["range/2"] = (c, v, e) => Args2(c, v, e).SelectMany(p => Range(Num(p.A), Num(p.B), 1)),
        ["range/3"] = (c, v, e) => Arg(c, 0, v, e).SelectMany(a => Arg(c, 1, v, e).SelectMany(b => Arg(c, 2, v, e).SelectMany(s => Range(Num(a), Num(b), Num(s))))),
        ["floor/0"] = Math1(Math.Floor),
        ["ceil/0"] = Math1(Math.Ceiling),
        ["round/0"] = Math1(d => Math.Round(d, MidpointRounding.AwayFromZero)),
        ["trunc/0"] = Math1(Math.Truncate),
        ["sqrt/0"] = Math1(Math.Sqrt),
        ["fabs/0"] = Math1(Math.Abs),
        ["abs/0"] = Math1(Math.Abs),
        ["log/0"] = Math1(Math.Log),
        ["log10/0"] = Math1(Math.Log10),
        ["log2/0"] = Math1(Math.Log2),
        ["exp/0"] = Math1(Math.Exp),
        ["exp10/0"] = Math1(d => Math.Pow(10, d)),
        ["pow/2"] = (c, v, e) => Args2(c, v, e).Select(p => JqValues.Number(Math.Pow(Num(p.A), Num(p.B)))),
        ["infinite/0"] = Value(_ => JqValues.Number(double.PositiveInfinity)),
        ["min/0"] = Value(v => Sorted(v).FirstOrDefault()),
        ["max/0"] = Value(v => Sorted(v).LastOrDefault()),
        ["min_by/1"] = (c, v, e) => [By(c, v, e).OrderBy(p => p.Key, NodeOrder).Select(p => p.Item).FirstOrDefault()],
        ["max_by/1"] = (c, v, e) => [By(c, v, e).OrderBy(p => p.Key, NodeOrder).Select(p => p.Item).LastOrDefault()],
        ["sort/0"] = Value(v => new JsonArray(Sorted(v).Select(JqValues.Own).ToArray())),
        ["sort_by/1"] = (c, v, e) => [new JsonArray(By(c, v, e).OrderBy(p => p.Key, NodeOrder).Select(p => JqValues.Own(p.Item)).ToArray())],
        ["group_by/1"] = (c, v, e) => [new JsonArray(By(c, v, e).OrderBy(p => p.Key, NodeOrder).GroupBy(p => p.Key, JqValues.Comparer)
            .Select(g => (JsonNode?)new JsonArray(g.Select(p => JqValues.Own(p.Item)).ToArray())).ToArray())],
        ["unique/0"] = Value(v => new JsonArray(Sorted(v).Distinct(JqValues.Comparer).Select(JqValues.Own).ToArray())),
        ["unique_by/1"] = (c, v, e) => [new JsonArray(By(c, v, e).OrderBy(p => p.Key, NodeOrder).GroupBy(p => p.Key, JqValues.Comparer)
            .Select(g => JqValues.Own(g.First().Item)).ToArray())],
        ["reverse/0"] = Value(Reverse),
        ["contains/1"] = Value1((a, b) => JqValues.Bool(Contains(a, b))),
        ["inside/1"] = Value1((a, b) => JqValues.Bool(Contains(b, a))),
        ["startswith/1"] = Value1((a, b) => JqValues.IsString(a) && JqValues.IsString(b) ? JqValues.Bool(JqValues.ToText(a).StartsWith(JqValues.ToText(b), StringComparison.Ordinal)) : throw Fail("startswith() requires string inputs")),
        ["endswith/1"] = Value1((a, b) => JqValues.IsString(a) && JqValues.IsString(b) ? JqValues.Bool(JqValues.ToText(a).EndsWith(JqValues.ToText(b), StringComparison.Ordinal)) : throw Fail("endswith() requires string inputs")),
        ["ltrimstr/1"] = Value1((a, b) => JqValues.IsString(a) && JqValues.IsString(b) && JqValues.ToText(a).StartsWith(JqValues.ToText(b), StringComparison.Ordinal) ? JqValues.String(JqValues.ToText(a)[JqValues.ToText(b).Length..]) : a),
        ["rtrimstr/1"] = Value1((a, b) => JqValues.IsString(a) && JqValues.IsString(b) && JqValues.ToText(a).EndsWith(JqValues.ToText(b), StringComparison.Ordinal) ? JqValues.String(JqValues.ToText(a)[..^JqValues.ToText(b).Length]) : a),
        ["split/1"] = Value1((a, b) => JqValues.IsString(a) && JqValues.IsString(b) ? Split(JqValues.ToText(a), JqValues.ToText(b)) : throw Fail("split input and separator must be strings")),
        ["split/2"] = (c, v, e) => Args2(c, v, e).Select(p => (JsonNode?)new JsonArray(Regex(p.A, p.B).Split(Text(v)).Select(s => (JsonNode?)JqValues.String(s)).ToArray())),
        ["join/1"] = Value1(Join),
        ["ascii_downcase/0"] = Value(v => JqValues.IsString(v) ? JqValues.String(AsciiCase(JqValues.ToText(v), upper: false)) : throw Fail($"{JqValues.Describe(v)} cannot be lowercased")),
        ["ascii_upcase/0"] = Value(v => JqValues.IsString(v) ? JqValues.String(AsciiCase(JqValues.ToText(v), upper: true)) : throw Fail($"{JqValues.Describe(v)} cannot be uppercased")),
        ["tostring/0"] = Value(v => JqValues.String(ToStringValue(v))),
        ["tonumber/0"] = Value(ToNumber),
        ["type/0"] = Value(v => JqValues.String(JqValues.TypeName(v))),
        ["first/0"] = Value(v => JqEvaluator.Index(v, JqValues.Number(0))),
        ["last/0"] = Value(v => JqEvaluator.Index(v, JqValues.Number(-1))),
        ["first/1"] = (c, v, e) => JqEvaluator.Eval(c.Arguments[0], v, e).Take(1),
        ["last/1"] = (c, v, e) => JqEvaluator.Eval(c.Arguments[0], v, e).TakeLast(1),
        ["limit/2"] = (c, v, e) => Arg(c, 0, v, e).SelectMany(n => JqEvaluator.Eval(c.Arguments[1], v, e).Take(Math.Max(0, (int)Num(n)))),
        ["nth/1"] = Value1((v, n) => JqEvaluator.Index(v, n)),
        ["nth/2"] = (c, v, e) => Arg(c, 0, v, e).SelectMany(n => Num(n) < 0 ? throw Fail("Out of bounds negative array index") : JqEvaluator.Eval(c.Arguments[1], v, e).Skip((int)Num(n)).Take(1)),
        ["isempty/1"] = (c, v, e) => [JqValues.Bool(!JqEvaluator.Eval(c.Arguments[0], v, e).Any())],
        ["flatten/0"] = Value(v => Flatten(v, double.MaxValue)),
        ["flatten/1"] = Value1((v, d) => Num(d) < 0 ? throw Fail("flatten depth must not be negative") : Flatten(v, Num(d))),
        ["tojson/0"] = Value(v => JqValues.String(JqValues.ToJson(v))),
        ["fromjson/0"] = Value(FromJson),
        ["test/1"] = (c, v, e) => Arg(c, 0, v, e).Select(r => JqValues.Bool(Regex(r, null).IsMatch(Text(v)))),
        ["test/2"] = (c, v, e) => Args2(c, v, e).Select(p => JqValues.Bool(Regex(p.A, p.B).IsMatch(Text(v)))),
        ["capture/1"] = (c, v, e) => Arg(c, 0, v, e).SelectMany(r => Captures(Regex(r, null), Text(v), global: false)),
        ["capture/2"] = (c, v, e) => Args2(c, v, e).SelectMany(p => Captures(Regex(p.A, p.B), Text(v), global: Flags(p.B).Contains('g'))),
        ["sub/2"] = (c, v, e) => Arg(c, 0, v, e).Select(r => Substitute(Regex(r, null), v, c.Arguments[1], e, global: false)),
        ["sub/3"] = (c, v, e) => Arg(c, 2, v, e).SelectMany(f => Arg(c, 0, v, e).Select(r => Substitute(Regex(r, f), v, c.Arguments[1], e, global: Flags(f).Contains('g')))),
        ["gsub/2"] = (c, v, e) => Arg(c, 0, v, e).Select(r => Substitute(Regex(r, null), v, c.Arguments[1], e, global: true)),
        ["gsub/3"] = (c, v, e) => Arg(c, 2, v, e).SelectMany(f => Arg(c, 0, v, e).Select(r => Substitute(Regex(r, f), v, c.Arguments[1], e, global: true))),
        ["ascii/0"] = Value(v => JqValues.String(((char)(int)Num(v)).ToString())),
        ["explode/0"] = Value(v => new JsonArray(Runes(Text(v)).Select(r => JqValues.Number(r)).ToArray())),
        ["implode/0"] = Value(v => JqValues.String(string.Concat(JqEvaluator.Iterate(v).Select(n => char.ConvertFromUtf32((int)Num(n)))))),
        ["indices/1"] = Value1(Indices),
        ["index/1"] = Value1((v, x) => Indices(v, x) is JsonArray { Count: > 0 } found ? found[0]!.DeepClone() : null),
        ["rindex/1"] = Value1((v, x) => Indices(v, x) is JsonArray { Count: > 0 } found ? found[^1]!.DeepClone() : null),
        ["walk/1"] = (c, v, e) => Walk(c.Arguments[0], v, e),
        ["transpose/0"] = Value(Transpose),
        ["now/0"] = Value(_ => JqValues.Number(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0)),
        ["todate/0"] = Value(ToDate),
        ["todateiso8601/0"] = Value(ToDate),
        ["fromdate/0"] = Value(FromDate),
        ["fromdateiso8601/0"] = Value(FromDate),
        ["arrays/0"] = Filter(v => v is JsonArray),
        ["objects/0"] = Filter(v => v is JsonObject),
        ["iterables/0"] = Filter(v => v is JsonArray or JsonObject),
        ["booleans/0"] = Filter(v => JqValues.Kind(v) is JsonValueKind.True or JsonValueKind.False),
        ["numbers/0"] = Filter(JqValues.IsNumber),
        ["strings/0"] = Filter(JqValues.IsString),
        ["nulls/0"] = Filter(JqValues.IsNull),
        ["scalars/0"] = Filter(v => v is not (JsonArray or JsonObject)),
        ["path/1"] = (c, v, e) => JqPaths.Of(c.Arguments[0], new JqPath(v, []), e).Select(p => (JsonNode?)JqPaths.ToArray(p)),
        ["paths/0"] = (_, v, _) => JqPaths.Recurse(new JqPath(v, [])).Skip(1).Select(p => (JsonNode?)JqPaths.ToArray(p)),
        ["paths/1"] = (c, v, e) => JqPaths.Recurse(new JqPath(v, [])).Skip(1)
            .Where(p => JqEvaluator.Eval(c.Arguments[0], p.Value, e).Any(JqValues.Truthy)).Select(p => (JsonNode?)JqPaths.ToArray(p)),
        ["leaf_paths/0"] = (_, v, _) => JqPaths.Recurse(new JqPath(v, [])).Skip(1)
            .Where(p => p.Value is not (JsonArray or JsonObject)).Select(p => (JsonNode?)JqPaths.ToArray(p)),
        ["getpath/1"] = Value1((v, p) => p is JsonArray path ? JqPaths.Get(v, path) : throw Fail("Path must be specified as an array")),
        ["setpath/2"] = (c, v, e) => Args2(c, v, e).Select(p => p.A is JsonArray path ? JqPaths.Set(v, path.ToList(), 0, p.B) : throw Fail("Path must be specified as an array")),
        ["delpaths/1"] = Value1((v, ps) => ps is JsonArray paths && paths.All(p => p is JsonArray) ? JqPaths.Delete(v, paths.Cast<JsonArray>()) : throw Fail("Paths must be specified as an array of arrays")),
        ["del/1"] = (c, v, e) => [JqPaths.Delete(v, JqPaths.Of(c.Arguments[0], new JqPath(v, []), e).Select(JqPaths.ToArray).ToList())],
        ["splits/1"] = (c, v, e) => Arg(c, 0, v, e).SelectMany(r => Regex(r, null).Split(Text(v)).Select(s => (JsonNode?)JqValues.String(s))),
        ["debug/0"] = (_, v, _) => [v],
        ["builtins/0"] = Value(_ => new JsonArray(Table!.Keys.Select(k => (JsonNode?)JqValues.String(k)).ToArray())),
        ["while/2"] = (c, v, e) => While(c, v, e),
        ["until/2"] = (c, v, e) => [Until(c, v, e)],
        ["repeat/1"] = (c, v, e) => Repeat(c.Arguments[0], v, e),
        ["splits/2"] = (c, v, e) => Args2(c, v, e).SelectMany(p => Regex(p.A, p.B).Split(Text(v)).Select(s => (JsonNode?)JqValues.String(s))),
    };

    public static bool IsDefined(string name, int arity) => Table.ContainsKey($"{name}/{arity}");

    public static IEnumerable<JsonNode?> Call(JqCall call, JsonNode? input, JqEnv? env) =>
        Table[$"{call.Name}/{call.Arguments.Count}"](call, input, env);

    /// <summary>The builtins that are path expressions, so <c>del(.a[] | select(. == 1))</c> and the like work.</summary>
    public static IEnumerable<JqPath> CallPaths(JqCall call, JqPath at, JqEnv? env)
    {
        switch ($"{call.Name}/{call.Arguments.Count}")
        {
            case "empty/0":
                return [];
            case "select/1":
                return JqEvaluator.Eval(call.Arguments[0], at.Value, env).Where(JqValues.Truthy).Select(_ => at);
            case "recurse/0":
                return JqPaths.Recurse(at);
            case "first/1":
                return JqPaths.Of(call.Arguments[0], at, env).Take(1);
            case "last/1":
                return JqPaths.Of(call.Arguments[0], at, env).TakeLast(1);
            case "getpath/1":
                return JqEvaluator.Eval(call.Arguments[0], at.Value, env).Select(p => p is JsonArray path
                    ? new JqPath(JqPaths.Get(at.Value, path), [.. at.Steps, .. path.Select(JqValues.Own)])
                    : throw Fail("Path must be specified as an array"));
            case "iotc::find/1":
                return JqPaths.Children(at).Where(p => JqEvaluator.Eval(call.Arguments[0], p.Value, env).Any(JqValues.Truthy));
            case "error/0" or "error/1":
                return Call(call, at.Value, env).Select(_ => at);
            default:
                return Call(call, at.Value, env).Select<JsonNode?, JqPath>(v =>
                    throw Fail($"Invalid path expression with result {JqValues.ToJson(v)}"));
        }
    }

    public static string ToStringValue(JsonNode? value) => JqValues.IsString(value) ? JqValues.ToText(value) : JqValues.ToJson(value);

    public static JsonNode Split(string text, string separator) =>
        new JsonArray((text.Length == 0 ? [] : separator.Length == 0 ? text.Select(c => c.ToString()).ToArray() : text.Split(separator))
            .Select(s => (JsonNode?)JqValues.String(s)).ToArray());

    public static JsonNode? Indices(JsonNode? value, JsonNode? what)
    {
        if (JqValues.IsNull(value))
        {
            return null;
        }

        var found = new List<int>();
        if (JqValues.IsString(value) && JqValues.IsString(what))
        {
            var (text, part) = (JqValues.ToText(value), JqValues.ToText(what));
            for (var i = part.Length == 0 ? -1 : text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
            {
                found.Add(i);
            }
        }
        else if (value is JsonArray array)
        {
            var needle = what is JsonArray many ? many.ToList() : [what];
            for (var i = 0; needle.Count > 0 && i + needle.Count <= array.Count; i++)
            {
                if (needle.Select((n, j) => JqValues.Equal(array[i + j], n)).All(x => x))
                {
                    found.Add(i);
                }
            }
        }
        else
        {
            throw Fail($"Cannot determine indices of {JqValues.Describe(what)} in {JqValues.Describe(value)}");
        }

        return new JsonArray(found.Select(i => JqValues.Number(i)).ToArray());
    }

    public static string ApplyFormat(string format, JsonNode? value)
    {
        string Cell(JsonNode? v, bool csv) => JqValues.Kind(v) switch
        {
            JsonValueKind.String => csv ? "\"" + JqValues.ToText(v).Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
                : JqValues.ToText(v).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal),
            JsonValueKind.Array or JsonValueKind.Object => throw Fail($"{JqValues.Describe(v)} is not valid in a csv row"),
            JsonValueKind.Null => string.Empty,
            _ => JqValues.ToJson(v),
        };

        switch (format)
        {
            case "text": return ToStringValue(value);
            case "json": return JqValues.ToJson(value);
            case "base64": return Convert.ToBase64String(Encoding.UTF8.GetBytes(ToStringValue(value)));
            case "base64d":
                try
                {
                    return Encoding.UTF8.GetString(Convert.FromBase64String(ToStringValue(value)));
                }
                catch (FormatException)
                {
                    throw Fail($"{JqValues.Describe(value)} is not valid base64 data");
                }

            case "uri": return Uri.EscapeDataString(ToStringValue(value));
            case "html":
                return ToStringValue(value).Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
                    .Replace(">", "&gt;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
            case "sh":
                return string.Join(' ', (value is JsonArray items ? items.ToList() : [value]).Select(v => JqValues.IsString(v)
                    ? "'" + JqValues.ToText(v).Replace("'", "'\\''", StringComparison.Ordinal) + "'"
                    : v is JsonArray or JsonObject ? throw Fail($"{JqValues.Describe(v)} can not be escaped for shell") : JqValues.ToJson(v)));
            default:
                var row = value as JsonArray ?? throw Fail($"{JqValues.Describe(value)} cannot be {format}-formatted, only an array can be");
                return string.Join(format == "csv" ? "," : "\t", row.Select(v => Cell(v, format == "csv")));
        }
    }

    private static JqRuntimeException Fail(string message) => JqRuntimeException.Of(message);

    private static Builtin Value(Func<JsonNode?, JsonNode?> f) => (_, v, _) => [f(v)];

    private static Builtin Filter(Func<JsonNode?, bool> keep) => (_, v, _) => keep(v) ? [v] : [];

    private static Builtin Value1(Func<JsonNode?, JsonNode?, JsonNode?> f) => (c, v, e) => Arg(c, 0, v, e).Select(a => f(v, a));

    private static Builtin Math1(Func<double, double> f) => Value(v => JqValues.IsNumber(v) ? JqValues.Number(f(JqValues.ToDouble(v))) : throw Fail($"{JqValues.Describe(v)} number required"));

    private static IEnumerable<JsonNode?> Arg(JqCall call, int i, JsonNode? input, JqEnv? env) => JqEvaluator.Eval(call.Arguments[i], input, env);

    private static IEnumerable<(JsonNode? A, JsonNode? B)> Args2(JqCall call, JsonNode? input, JqEnv? env) =>
        Arg(call, 1, input, env).SelectMany(b => Arg(call, 0, input, env).Select(a => (a, b)));

    private static double Num(JsonNode? value) => JqValues.IsNumber(value) ? JqValues.ToDouble(value) : throw Fail($"{JqValues.Describe(value)} number required");

    private static string Text(JsonNode? value) => JqValues.IsString(value) ? JqValues.ToText(value) : throw Fail($"{JqValues.Describe(value)} cannot be matched, as it is not a string");

    private static readonly IComparer<JsonNode?> NodeOrder = Comparer<JsonNode?>.Create(JqValues.Compare);

    private static JsonNode? Length(JsonNode? v) => JqValues.Kind(v) switch
    {
        JsonValueKind.Null => JqValues.Number(0),
        JsonValueKind.Number => JqValues.Number(Math.Abs(JqValues.ToDouble(v))),
        JsonValueKind.String => JqValues.Number(Runes(JqValues.ToText(v)).Count()),
        JsonValueKind.Array => JqValues.Number(v!.AsArray().Count),
        JsonValueKind.Object => JqValues.Number(v!.AsObject().Count),
        _ => throw Fail($"{JqValues.Describe(v)} has no length"),
    };

    private static IEnumerable<int> Runes(string text) => text.EnumerateRunes().Select(r => r.Value);

    private static JsonNode Keys(JsonNode? v, bool sorted) => v switch
    {
        JsonObject o => new JsonArray((sorted ? JqValues.SortedKeys(o) : o.Select(p => p.Key)).Select(k => (JsonNode?)JqValues.String(k)).ToArray()),
        JsonArray a => new JsonArray(Enumerable.Range(0, a.Count).Select(i => JqValues.Number(i)).ToArray()),
        _ => throw Fail($"{JqValues.Describe(v)} has no keys"),
    };

    private static JsonNode Has(JsonNode? v, JsonNode? key) => (v, key) switch
    {
        (JsonObject o, _) when JqValues.IsString(key) => JqValues.Bool(o.ContainsKey(JqValues.ToText(key))),
        (JsonArray a, _) when JqValues.IsNumber(key) => JqValues.Bool(JqValues.ToDouble(key) >= 0 && JqValues.ToDouble(key) < a.Count),
        _ => throw Fail($"Cannot check whether {JqValues.TypeName(v)} has a {JqValues.TypeName(key)} key"),
    };

    private static JsonNode MapValues(JqAst f, JsonNode? v, JqEnv? env)
    {
        switch (v)
        {
            case JsonObject o:
                var result = new JsonObject();
                foreach (var (key, value) in o)
                {
                    foreach (var mapped in JqEvaluator.Eval(f, value, env).Take(1))
                    {
                        result[key] = JqValues.Own(mapped);
                    }
                }

                return result;
            case JsonArray a:
                return new JsonArray(a.SelectMany(x => JqEvaluator.Eval(f, x, env).Take(1)).Select(JqValues.Own).ToArray());
            default:
                throw Fail($"Cannot iterate over {JqValues.Describe(v)}");
        }
    }

    private static IEnumerable<JsonNode?> RecurseWith(JqAst f, JsonNode? v, JqEnv? env)
    {
        yield return v;
        foreach (var next in JqEvaluator.Eval(f, v, env))
        {
            foreach (var inner in RecurseWith(f, next, env))
            {
                yield return inner;
            }
        }
    }

    private static JsonNode ToEntries(JsonNode? v) => v is JsonObject o
        ? new JsonArray(o.Select(p => (JsonNode?)new JsonObject { ["key"] = p.Key, ["value"] = JqValues.Own(p.Value) }).ToArray())
        : throw Fail($"{JqValues.Describe(v)} has no keys");

    /// <summary>Entries name their key key, k, name, Name, K or Key and their value value, v or Value, as jq accepts.</summary>
    private static JsonNode FromEntries(JsonNode? v)
    {
        var result = new JsonObject();
        foreach (var entry in JqEvaluator.Iterate(v))
        {
            if (entry is not JsonObject e)
            {
                throw Fail($"Cannot index {JqValues.TypeName(entry)} with \"key\"");
            }

            var key = new[] { "key", "k", "name", "Name", "K", "Key" }.Select(n => e[n]).FirstOrDefault(k => JqValues.Truthy(k))
                ?? (e.TryGetPropertyValue("key", out var falsy) ? falsy : null);
            var name = JqValues.Kind(key) switch
            {
                JsonValueKind.String => JqValues.ToText(key),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => JqValues.ToJson(key),
                JsonValueKind.Null => "null",
                _ => throw Fail($"Cannot use {JqValues.Describe(key)} as object key"),
            };
            var value = e.ContainsKey("value") ? e["value"] : e.ContainsKey("v") ? e["v"] : e["Value"];
            result[name] = JqValues.Own(value);
        }

        return result;
    }

    private static IEnumerable<JsonNode?> Range(double from, double to, double step)
    {
        if (step > 0)
        {
            for (var x = from; x < to; x += step)
            {
                JqBudget.Check();
                yield return JqValues.Number(x);
            }
        }
        else if (step < 0)
        {
            for (var x = from; x > to; x += step)
            {
                JqBudget.Check();
                yield return JqValues.Number(x);
            }
        }
    }

    private static List<JsonNode?> Sorted(JsonNode? v)
    {
        var items = v as JsonArray ?? throw Fail($"{JqValues.Describe(v)} cannot be sorted, as it is not an array");
        return items.OrderBy(x => x, NodeOrder).ToList();
    }

    /// <summary>Each item with its key: f's outputs collected in an array, as jq compares them.</summary>
    private static List<(JsonNode? Key, JsonNode? Item)> By(JqCall call, JsonNode? v, JqEnv? env)
    {
        var items = v as JsonArray ?? throw Fail($"Cannot index {JqValues.TypeName(v)} with number");
        return items.Select(x => ((JsonNode?)new JsonArray(JqEvaluator.Eval(call.Arguments[0], x, env).Select(JqValues.Own).ToArray()), x)).ToList();
    }

    private static JsonNode? Reverse(JsonNode? v) => v switch
    {
        JsonArray a => new JsonArray(a.Reverse().Select(JqValues.Own).ToArray()),
        _ when JqValues.IsString(v) => JqValues.String(string.Concat(JqValues.ToText(v).EnumerateRunes().Reverse())),
        _ when JqValues.IsNull(v) => new JsonArray(),
        _ => throw Fail($"Cannot reverse {JqValues.Describe(v)}"),
    };

    private static bool Contains(JsonNode? a, JsonNode? b)
    {
        if (a is JsonObject x && b is JsonObject y)
        {
            return y.All(p => x.TryGetPropertyValue(p.Key, out var mine) && Contains(mine, p.Value));
        }

        if (a is JsonArray xs && b is JsonArray ys)
        {
            return ys.All(need => xs.Any(have => Contains(have, need)));
        }

        if (JqValues.IsString(a) && JqValues.IsString(b))
        {
            return JqValues.ToText(a).Contains(JqValues.ToText(b), StringComparison.Ordinal);
        }

        if (JqValues.TypeName(a) == JqValues.TypeName(b))
        {
            return JqValues.Equal(a, b);
        }

        throw Fail($"{JqValues.Describe(a)} and {JqValues.Describe(b)} cannot have their containment checked");
    }

    private static JsonNode Join(JsonNode? v, JsonNode? separator)
    {
        var parts = JqEvaluator.Iterate(v).Select(x => JqValues.Kind(x) switch
        {
            JsonValueKind.Null => string.Empty,
            JsonValueKind.String => JqValues.ToText(x),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => JqValues.ToJson(x),
            _ => throw Fail($"Cannot join with {JqValues.Describe(x)}"),
        });
        return JqValues.String(string.Join(JqValues.IsString(separator) ? JqValues.ToText(separator) : throw Fail("join separator must be a string"), parts));
    }

    private static string AsciiCase(string text, bool upper) =>
        string.Concat(text.Select(c => upper ? (char.IsAsciiLetterLower(c) ? char.ToUpperInvariant(c) : c) : (char.IsAsciiLetterUpper(c) ? char.ToLowerInvariant(c) : c)));

    private static JsonNode? ToNumber(JsonNode? v)
    {
        if (JqValues.IsNumber(v))
        {
            return v;
        }

        if (JqValues.IsString(v) && double.TryParse(JqValues.ToText(v).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return JqValues.Number(d);
        }

        throw Fail($"Cannot parse {JqValues.Describe(v)} as a number");
    }

    private static JsonNode Flatten(JsonNode? v, double depth)
    {
        var items = v as JsonArray ?? throw Fail($"Cannot flatten {JqValues.Describe(v)}");
        var result = new JsonArray();
        foreach (var item in items)
        {
            if (item is JsonArray inner && depth > 0)
            {
                foreach (var x in Flatten(inner, depth - 1).AsArray())
                {
                    result.Add(JqValues.Own(x));
                }
            }
            else
            {
                result.Add(JqValues.Own(item));
            }
        }

        return result;
    }

    private static JsonNode? FromJson(JsonNode? v)
    {
        try
        {
            return JsonNode.Parse(JqValues.IsString(v) ? JqValues.ToText(v) : throw Fail($"{JqValues.Describe(v)} only strings can be parsed"));
        }
        catch (JsonException e)
        {
            throw Fail($"{JqValues.ToText(v)} (while parsing '{JqValues.ToText(v)}'): {e.Message}");
        }
    }

    private static string Flags(JsonNode? flags) => JqValues.IsNull(flags) ? string.Empty : JqValues.IsString(flags) ? JqValues.ToText(flags) : throw Fail($"{JqValues.Describe(flags)} is not a string");

    private static Regex Regex(JsonNode? pattern, JsonNode? flags)
    {
        if (!JqValues.IsString(pattern))
        {
            throw Fail($"{JqValues.Describe(pattern)} cannot be matched, as it is not a string");
        }

        var options = RegexOptions.CultureInvariant;
        foreach (var flag in Flags(flags))
        {
            options |= flag switch
            {
                'i' => RegexOptions.IgnoreCase,
                'x' => RegexOptions.IgnorePatternWhitespace,
                's' => RegexOptions.Singleline,
                'g' or 'n' or 'p' or 'l' => RegexOptions.None,
                _ => throw Fail($"{Flags(flags)} is not a valid modifier string"),
            };
        }

        try
        {
            return new Regex(JqValues.ToText(pattern), options, RegexTimeout);
        }
        catch (ArgumentException e)
        {
            throw Fail($"{JqValues.ToText(pattern)} (at offset 0) is not a valid regex: {e.Message}");
        }
    }

    private static JsonObject CaptureObject(Regex regex, Match match)
    {
        var result = new JsonObject();
        foreach (var name in regex.GetGroupNames().Where(n => !int.TryParse(n, out _)))
        {
            var group = match.Groups[name];
            result[name] = group.Success ? JqValues.String(group.Value) : null;
        }

        return result;
    }

    private static IEnumerable<JsonNode?> Captures(Regex regex, string text, bool global)
    {
        var matches = regex.Matches(text).Cast<Match>();
        return (global ? matches : matches.Take(1)).Select(m => (JsonNode?)CaptureObject(regex, m)).ToList();
    }

    /// <summary>The replacement runs with the match's named captures as input; its first output is used.</summary>
    private static JsonNode Substitute(Regex regex, JsonNode? input, JqAst replacement, JqEnv? env, bool global)
    {
        var text = Text(input);
        string Replace(Match m)
        {
            var value = JqEvaluator.Eval(replacement, CaptureObject(regex, m), env).FirstOrDefault();
            return JqValues.IsString(value) ? JqValues.ToText(value) : throw Fail($"{JqValues.Describe(value)} cannot be added to a string");
        }

        return JqValues.String(global ? regex.Replace(text, Replace) : regex.Replace(text, Replace, 1));
    }

    private static IEnumerable<JsonNode?> Walk(JqAst f, JsonNode? v, JqEnv? env)
    {
        JsonNode? inner = v switch
        {
            JsonArray a => new JsonArray(a.SelectMany(x => Walk(f, x, env)).Select(JqValues.Own).ToArray()),
            JsonObject o => WalkObject(f, o, env),
            _ => v,
        };
        return JqEvaluator.Eval(f, inner, env);
    }

    private static JsonObject WalkObject(JqAst f, JsonObject o, JqEnv? env)
    {
        var result = new JsonObject();
        foreach (var (key, value) in o)
        {
            foreach (var walked in Walk(f, value, env).TakeLast(1))
            {
                result[key] = JqValues.Own(walked);
            }
        }

        return result;
    }

    private static JsonNode Transpose(JsonNode? v)
    {
        var rows = JqEvaluator.Iterate(v).Select(r => r as JsonArray ?? throw Fail($"Cannot index {JqValues.TypeName(r)} with number")).ToList();
        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
        return new JsonArray(Enumerable.Range(0, width).Select(i => (JsonNode?)new JsonArray(rows.Select(r => i < r.Count ? JqValues.Own(r[i]) : null).ToArray())).ToArray());
    }

    private static IEnumerable<JsonNode?> While(JqCall call, JsonNode? v, JqEnv? env)
    {
        var current = v;
        while (JqEvaluator.Eval(call.Arguments[0], current, env).FirstOrDefault() is var c && JqValues.Truthy(c))
        {
            yield return current;
            current = JqEvaluator.Eval(call.Arguments[1], current, env).FirstOrDefault();
        }
    }

    private static JsonNode? Until(JqCall call, JsonNode? v, JqEnv? env)
    {
        var current = v;
        while (!JqValues.Truthy(JqEvaluator.Eval(call.Arguments[0], current, env).FirstOrDefault()))
        {
            current = JqEvaluator.Eval(call.Arguments[1], current, env).FirstOrDefault();
        }

        return current;
    }

    private static IEnumerable<JsonNode?> Repeat(JqAst f, JsonNode? v, JqEnv? env)
    {
        yield return v;
        foreach (var next in JqEvaluator.Eval(f, v, env))
        {
            foreach (var inner in Repeat(f, next, env))
            {
                yield return inner;
            }
        }
    }

    private static JsonNode ToDate(JsonNode? v) =>
        JqValues.String(DateTimeOffset.FromUnixTimeSeconds((long)Math.Floor(Num(v))).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

    private static readonly Regex IsoDate = new(@"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?Z$", RegexOptions.CultureInvariant, RegexTimeout);

    /// <summary>ISO 8601 UTC timestamps; fractional seconds (IoT Central sends up to 9 digits) are kept as a fraction.</summary>
    private static JsonNode? FromDate(JsonNode? v)
    {
        var text = JqValues.IsString(v) ? JqValues.ToText(v) : throw Fail("strptime/1 requires string inputs and arguments");
        var m = IsoDate.Match(text);
        if (!m.Success)
        {
            throw Fail($"date \"{text}\" does not match format \"%Y-%m-%dT%H:%M:%SZ\"");
        }

        int Part(int i) => int.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture);
        try
        {
            var whole = new DateTimeOffset(Part(1), Part(2), Part(3), Part(4), Part(5), Part(6), TimeSpan.Zero).ToUnixTimeSeconds();
            var fraction = m.Groups[7].Success ? double.Parse("0" + m.Groups[7].Value, CultureInfo.InvariantCulture) : 0;
            return JqValues.Number(whole + fraction);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw Fail($"date \"{text}\" does not match format \"%Y-%m-%dT%H:%M:%SZ\"");
        }
    }
}
