using System.Text.Json.Nodes;

namespace IoTCentral.Emulator.Features.DataExport.Transforms;

/// <summary>
/// Path expressions: where in the input a filter's outputs come from (<c>path(f)</c>), and what needs them
/// (<c>paths</c>, <c>del</c>, <c>getpath</c>/<c>setpath</c>/<c>delpaths</c>, <c>=</c>, <c>|=</c>, <c>+=</c>...).
/// </summary>
internal static class JqPaths
{
    public static IEnumerable<JqPath> Of(JqAst ast, JqPath at, JqEnv? env)
    {
        switch (ast)
        {
            case JqIdentity:
                return [at];
            case JqRecurseAll:
                return Recurse(at);
            case JqIndex index:
                return Of(index.Target, at, env).SelectMany(t =>
                    JqEvaluator.Eval(index.Index, at.Value, env).Select(k => t.Then(k, JqEvaluator.Index(t.Value, k))));
            case JqSlice slice:
                return Of(slice.Target, at, env).SelectMany(t =>
                    (slice.From is null ? [null] : JqEvaluator.Eval(slice.From, at.Value, env)).SelectMany(from =>
                        (slice.To is null ? [null] : JqEvaluator.Eval(slice.To, at.Value, env)).Select(to =>
                            t.Then(new JsonObject { ["start"] = JqValues.Own(from), ["end"] = JqValues.Own(to) }, JqEvaluator.Slice(t.Value, from, to)))));
            case JqIterate iterate:
                return Of(iterate.Target, at, env).SelectMany(Children);
            case JqPipe pipe:
                return Of(pipe.Left, at, env).SelectMany(p => Of(pipe.Right, p, env));
            case JqComma comma:
                return Of(comma.Left, at, env).Concat(Of(comma.Right, at, env));
            case JqTry attempt:
                return Try(attempt, at, env);
            case JqIf conditional:
                return JqEvaluator.Eval(conditional.Condition, at.Value, env).SelectMany(c =>
                    JqValues.Truthy(c) ? Of(conditional.Then, at, env)
                    : conditional.Else is null ? [at]
                    : Of(conditional.Else, at, env));
            case JqBind bind:
                return JqEvaluator.Eval(bind.Source, at.Value, env).SelectMany(v => Of(bind.Body, at, new JqEnv(bind.Name, v, env)));
            case JqBinary { Operator: "//" } alternative:
                var found = Of(new JqTry(alternative.Position, alternative.Left, null), at, env).Where(p => JqValues.Truthy(p.Value)).ToList();
                return found.Count > 0 ? found : Of(alternative.Right, at, env);
            case JqCall call:
                return JqBuiltins.CallPaths(call, at, env);
            case JqLiteral { Value: null }:
                return [new JqPath(null, [])];
            default:
                return JqEvaluator.Eval(ast, at.Value, env).Select<JsonNode?, JqPath>(v =>
                    throw JqRuntimeException.Of($"Invalid path expression with result {JqValues.ToJson(v)}"));
        }
    }

    public static IEnumerable<JqPath> Children(JqPath at) => at.Value switch
    {
        JsonArray array => array.Select((v, i) => at.Then(JqValues.Number(i), v)).ToList(),
        JsonObject obj => obj.Select(p => at.Then(JqValues.String(p.Key), p.Value)).ToList(),
        null => [],
        _ => throw JqRuntimeException.Of($"Cannot iterate over {JqValues.Describe(at.Value)}"),
    };

    public static IEnumerable<JqPath> Recurse(JqPath at)
    {
        yield return at;
        if (at.Value is JsonArray or JsonObject)
        {
            foreach (var child in Children(at))
            {
                foreach (var inner in Recurse(child))
                {
                    yield return inner;
                }
            }
        }
    }

    public static JsonArray ToArray(JqPath path) => new(path.Steps.Select(JqValues.Own).ToArray());

    public static JsonNode? Get(JsonNode? value, JsonArray path)
    {
        foreach (var step in path)
        {
            if (JqValues.IsNull(value))
            {
                return null;
            }

            value = step is JsonObject range ? JqEvaluator.Slice(value, range["start"], range["end"]) : JqEvaluator.Index(value, step);
        }

        return value;
    }

    /// <summary>A copy of <paramref name="value"/> with <paramref name="replacement"/> at the path, making objects and arrays on the way.</summary>
    public static JsonNode? Set(JsonNode? value, IReadOnlyList<JsonNode?> path, int at, JsonNode? replacement)
    {
        if (at == path.Count)
        {
            return JqValues.Own(replacement);
        }

        var step = path[at];
        if (JqValues.IsString(step))
        {
            if (!JqValues.IsNull(value) && value is not JsonObject)
            {
                throw JqRuntimeException.Of($"Cannot index {JqValues.TypeName(value)} with \"{JqValues.ToText(step)}\"");
            }

            var obj = value is JsonObject o ? (JsonObject)o.DeepClone() : new JsonObject();
            var key = JqValues.ToText(step);
            obj[key] = Set(obj[key], path, at + 1, replacement);
            return obj;
        }

        if (JqValues.IsNumber(step))
        {
            if (!JqValues.IsNull(value) && value is not JsonArray)
            {
                throw JqRuntimeException.Of($"Cannot index {JqValues.TypeName(value)} with number");
            }

            var array = value is JsonArray a ? (JsonArray)a.DeepClone() : new JsonArray();
            var i = (int)JqValues.ToDouble(step);
            if (i < 0)
            {
                i += array.Count;
                if (i < 0)
                {
                    throw JqRuntimeException.Of("Out of bounds negative array index");
                }
            }

            while (array.Count <= i)
            {
                array.Add(null);
            }

            array[i] = Set(array[i], path, at + 1, replacement);
            return array;
        }

        throw JqRuntimeException.Of($"Cannot update field at object index of {JqValues.TypeName(value)}");
    }

    /// <summary>Deletes the paths, longest and last first so earlier deletions do not move later ones.</summary>
    public static JsonNode? Delete(JsonNode? value, IEnumerable<JsonArray> paths)
    {
        foreach (var path in paths.OrderByDescending(p => (JsonNode)p, Comparer<JsonNode>.Create(JqValues.Compare)))
        {
            value = DeleteOne(value, path, 0);
        }

        return value;
    }

    private static JsonNode? DeleteOne(JsonNode? value, JsonArray path, int at)
    {
        if (JqValues.IsNull(value) || path.Count == 0)
        {
            return path.Count == 0 ? null : value;
        }

        var step = path[at];
        var last = at == path.Count - 1;
        switch (value)
        {
            case JsonObject obj when JqValues.IsString(step):
                var copy = (JsonObject)obj.DeepClone();
                var key = JqValues.ToText(step);
                if (last)
                {
                    copy.Remove(key);
                }
                else if (copy.ContainsKey(key))
                {
                    copy[key] = DeleteOne(copy[key], path, at + 1);
                }

                return copy;
            case JsonArray array when JqValues.IsNumber(step):
                var items = (JsonArray)array.DeepClone();
                var i = (int)JqValues.ToDouble(step);
                i = i < 0 ? i + items.Count : i;
                if (i >= 0 && i < items.Count)
                {
                    if (last)
                    {
                        items.RemoveAt(i);
                    }
                    else
                    {
                        items[i] = DeleteOne(items[i], path, at + 1);
                    }
                }

                return items;
            case JsonArray array when step is JsonObject range && last:
                var kept = (JsonArray)array.DeepClone();
                var slice = (JsonArray)JqEvaluator.Slice(array, range["start"], range["end"])!;
                var start = JqValues.IsNull(range["start"]) ? 0 : (int)Math.Clamp(JqValues.ToDouble(range["start"]) < 0 ? JqValues.ToDouble(range["start"]) + array.Count : JqValues.ToDouble(range["start"]), 0, array.Count);
                for (var n = 0; n < slice.Count; n++)
                {
                    kept.RemoveAt(start);
                }

                return kept;
            default:
                throw JqRuntimeException.Of($"Cannot delete field at index {JqValues.ToJson(step)} of {JqValues.TypeName(value)}");
        }
    }

    public static IEnumerable<JsonNode?> Assign(JqBinary binary, JsonNode? input, JqEnv? env)
    {
        var paths = Of(binary.Left, new JqPath(input, []), env).Select(p => p.Steps).ToList();
        JsonArray AsArray(IReadOnlyList<JsonNode?> path) => new(path.Select(JqValues.Own).ToArray());
        if (binary.Operator == "|=")
        {
            var result = input;
            foreach (var path in paths)
            {
                var updated = JqEvaluator.Eval(binary.Right, Get(result, AsArray(path)), env).Take(1).ToList();
                result = updated.Count == 0 ? Delete(result, [AsArray(path)]) : Set(result, path, 0, updated[0]);
            }

            return [result];
        }

        var op = binary.Operator == "=" ? null : binary.Operator[..^1];
        return JqEvaluator.Eval(binary.Right, input, env).Select(v =>
        {
            var result = input;
            foreach (var path in paths)
            {
                var current = op is null ? null : Get(result, AsArray(path));
                var replacement = op switch
                {
                    null => v,
                    "//" => JqValues.Truthy(current) ? current : v,
                    _ => JqArithmetic.Apply(op, current, v),
                };
                result = Set(result, path, 0, replacement);
            }

            return result;
        });
    }

    private static IEnumerable<JqPath> Try(JqTry attempt, JqPath at, JqEnv? env)
    {
        using var paths = Of(attempt.Body, at, env).GetEnumerator();
        while (true)
        {
            try
            {
                if (!paths.MoveNext())
                {
                    yield break;
                }
            }
            catch (JqRuntimeException)
            {
                yield break;
            }

            yield return paths.Current;
        }
    }
}
