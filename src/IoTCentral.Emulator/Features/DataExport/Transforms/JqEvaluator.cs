using System.Text.Json.Nodes;

namespace IoTCentral.Emulator.Features.DataExport.Transforms;

/// <summary>Variables in scope while a query runs, innermost first.</summary>
internal sealed record JqEnv(string Name, JsonNode? Value, JqEnv? Parent)
{
    public static JsonNode? Lookup(JqEnv? env, string name)
    {
        for (var e = env; e is not null; e = e.Parent)
        {
            if (e.Name == name)
            {
                return e.Value;
            }
        }

        throw JqRuntimeException.Of($"${name} is not defined");
    }
}

/// <summary>A path step (a key or an index) and where a path expression leads.</summary>
internal sealed record JqPath(JsonNode? Value, IReadOnlyList<JsonNode?> Steps)
{
    public JqPath Then(JsonNode? step, JsonNode? value) => new(value, [.. Steps, step]);
}

/// <summary>
/// Runs a <see cref="JqAst"/> lazily: each expression yields 0..n outputs for an input, so <c>limit</c>,
/// <c>first</c> and <c>try</c> stop a generator early. Path expressions (<c>path</c>, <c>del</c>, assignments)
/// run through <see cref="JqPaths"/>.
/// </summary>
internal static class JqEvaluator
{
    public static IEnumerable<JsonNode?> Eval(JqAst ast, JsonNode? input, JqEnv? env)
    {
        JqBudget.Check();
        switch (ast)
        {
            case JqIdentity:
                return [input];
            case JqRecurseAll:
                return Recurse(input);
            case JqLiteral literal:
                return [literal.Value];
            case JqVariable variable:
                return [JqEnv.Lookup(env, variable.Name)];
            case JqIndex index:
                return EvalIndex(index, input, env);
            case JqSlice slice:
                return EvalSlice(slice, input, env);
            case JqIterate iterate:
                return Eval(iterate.Target, input, env).SelectMany(Iterate);
            case JqTry attempt:
                return Try(attempt, input, env);
            case JqPipe pipe:
                return Eval(pipe.Left, input, env).SelectMany(v => Eval(pipe.Right, v, env));
            case JqComma comma:
                return Eval(comma.Left, input, env).Concat(Eval(comma.Right, input, env));
            case JqNegate negate:
                return Eval(negate.Operand, input, env).Select(v => IsNumberOr(v, "cannot be negated") is var d ? JqValues.Number(-d) : null);
            case JqBinary binary:
                return EvalBinary(binary, input, env);
            case JqArray array:
                return [array.Items is null ? new JsonArray() : new JsonArray(Eval(array.Items, input, env).Select(JqValues.Own).ToArray())];
            case JqObject obj:
                return EvalObject(obj.Entries, 0, new JsonObject(), input, env);
            case JqIf conditional:
                return EvalIf(conditional, input, env);
            case JqBind bind:
                return Eval(bind.Source, input, env).SelectMany(v => Eval(bind.Body, input, new JqEnv(bind.Name, v, env)));
            case JqReduce reduce:
                return EvalReduce(reduce, input, env);
            case JqForeach fold:
                return EvalForeach(fold, input, env);
            case JqInterpolation text:
                return Interpolate(text, 0, string.Empty, input, env);
            case JqFormat format:
                return [JqValues.String(JqBuiltins.ApplyFormat(format.Name, input))];
            case JqCall call:
                return JqBuiltins.Call(call, input, env);
            default:
                throw new InvalidOperationException("Unknown expression " + ast.GetType().Name);
        }
    }

    public static IEnumerable<JsonNode?> Iterate(JsonNode? value) => value switch
    {
        JsonArray array => array.ToList(),
        JsonObject obj => obj.Select(p => p.Value).ToList(),
        _ => throw JqRuntimeException.Of($"Cannot iterate over {JqValues.Describe(value)}"),
    };

    public static IEnumerable<JsonNode?> Recurse(JsonNode? value)
    {
        yield return value;
        if (value is JsonArray or JsonObject)
        {
            foreach (var child in Iterate(value))
            {
                foreach (var inner in Recurse(child))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>jq's <c>.[key]</c>: null indexes to null, a missing key or index is null, negative indexes count from the end.</summary>
    public static JsonNode? Index(JsonNode? value, JsonNode? key)
    {
        if (JqValues.IsNull(value) && (JqValues.IsString(key) || JqValues.IsNumber(key) || key is JsonObject))
        {
            return null;
        }

        if (value is JsonObject obj && JqValues.IsString(key))
        {
            return obj.TryGetPropertyValue(JqValues.ToText(key), out var found) ? found : null;
        }

        if (value is JsonArray array && JqValues.IsNumber(key))
        {
            var i = (long)Math.Floor(JqValues.ToDouble(key));
            if (i < 0)
            {
                i += array.Count;
            }

            return i >= 0 && i < array.Count ? array[(int)i] : null;
        }

        if (value is JsonArray haystack && key is JsonArray needle)
        {
            return JqBuiltins.Indices(haystack, needle);
        }

        if (JqValues.IsString(key))
        {
            throw JqRuntimeException.Of($"Cannot index {JqValues.TypeName(value)} with \"{JqValues.ToText(key)}\"");
        }

        throw JqRuntimeException.Of($"Cannot index {JqValues.TypeName(value)} with {JqValues.TypeName(key)}");
    }

    public static JsonNode? Slice(JsonNode? value, JsonNode? from, JsonNode? to)
    {
        if (JqValues.IsNull(value))
        {
            return null;
        }

        if ((!JqValues.IsNull(from) && !JqValues.IsNumber(from)) || (!JqValues.IsNull(to) && !JqValues.IsNumber(to)))
        {
            throw JqRuntimeException.Of("Start and end indices of an array slice must be numbers");
        }

        int length;
        if (value is JsonArray array)
        {
            length = array.Count;
        }
        else if (JqValues.IsString(value))
        {
            length = JqValues.ToText(value).Length;
        }
        else
        {
            throw JqRuntimeException.Of($"Cannot index {JqValues.TypeName(value)} with object");
        }

        var (start, end) = Bounds(length, from, to);
        return value is JsonArray items
            ? new JsonArray(items.Skip(start).Take(end - start).Select(JqValues.Own).ToArray())
            : JqValues.String(JqValues.ToText(value).Substring(start, end - start));
    }

    private static (int Start, int End) Bounds(int length, JsonNode? from, JsonNode? to)
    {
        int Clamp(JsonNode? n, int fallback)
        {
            if (JqValues.IsNull(n))
            {
                return fallback;
            }

            var d = Math.Floor(JqValues.ToDouble(n));
            if (d < 0)
            {
                d += length;
            }

            return (int)Math.Clamp(d, 0, length);
        }

        var start = Clamp(from, 0);
        var end = Math.Max(start, Clamp(to, length));
        return (start, end);
    }

    private static IEnumerable<JsonNode?> EvalIndex(JqIndex index, JsonNode? input, JqEnv? env)
    {
        foreach (var target in Eval(index.Target, input, env))
        {
            foreach (var key in Eval(index.Index, input, env))
            {
                yield return Index(target, key);
            }
        }
    }

    private static IEnumerable<JsonNode?> EvalSlice(JqSlice slice, JsonNode? input, JqEnv? env)
    {
        foreach (var target in Eval(slice.Target, input, env))
        {
            foreach (var to in slice.To is null ? [null] : Eval(slice.To, input, env))
            {
                foreach (var from in slice.From is null ? [null] : Eval(slice.From, input, env))
                {
                    yield return Slice(target, from, to);
                }
            }
        }
    }

    /// <summary>Outputs until the first error; then the handler's outputs for the error (none for <c>?</c>).</summary>
    private static IEnumerable<JsonNode?> Try(JqTry attempt, JsonNode? input, JqEnv? env)
    {
        using var outputs = Eval(attempt.Body, input, env).GetEnumerator();
        while (true)
        {
            JqRuntimeException? error = null;
            try
            {
                if (!outputs.MoveNext())
                {
                    yield break;
                }
            }
            catch (JqRuntimeException e)
            {
                error = e;
            }

            if (error is not null)
            {
                if (attempt.Handler is not null)
                {
                    foreach (var handled in Eval(attempt.Handler, error.Value, env))
                    {
                        yield return handled;
                    }
                }

                yield break;
            }

            yield return outputs.Current;
        }
    }

    private static double IsNumberOr(JsonNode? value, string problem) =>
        JqValues.IsNumber(value) ? JqValues.ToDouble(value) : throw JqRuntimeException.Of($"{JqValues.Describe(value)} {problem}");

    private static IEnumerable<JsonNode?> EvalBinary(JqBinary binary, JsonNode? input, JqEnv? env)
    {
        switch (binary.Operator)
        {
            case "and" or "or":
                return Logic(binary, input, env);
            case "//":
                return Alternative(binary, input, env);
            case "=" or "|=" or "+=" or "-=" or "*=" or "/=" or "%=" or "//=":
                return JqPaths.Assign(binary, input, env);
        }

        // jq evaluates the right operand first, so for several outputs the left one varies fastest.
        return Eval(binary.Right, input, env).SelectMany(r => Eval(binary.Left, input, env).Select(l => JqArithmetic.Apply(binary.Operator, l, r)));
    }

    private static IEnumerable<JsonNode?> Logic(JqBinary binary, JsonNode? input, JqEnv? env)
    {
        foreach (var left in Eval(binary.Left, input, env))
        {
            var truth = JqValues.Truthy(left);
            if (binary.Operator == "and" ? !truth : truth)
            {
                yield return JqValues.Bool(truth);
                continue;
            }

            foreach (var right in Eval(binary.Right, input, env))
            {
                yield return JqValues.Bool(JqValues.Truthy(right));
            }
        }
    }

    /// <summary><c>a // b</c>: a's truthy outputs (errors in a count as none), else b's outputs.</summary>
    private static IEnumerable<JsonNode?> Alternative(JqBinary binary, JsonNode? input, JqEnv? env)
    {
        var found = false;
        foreach (var value in Eval(new JqTry(binary.Position, binary.Left, null), input, env))
        {
            if (JqValues.Truthy(value))
            {
                found = true;
                yield return value;
            }
        }

        if (!found)
        {
            foreach (var value in Eval(binary.Right, input, env))
            {
                yield return value;
            }
        }
    }

    /// <summary>Objects are built per combination of their keys' and values' outputs, as jq does.</summary>
    private static IEnumerable<JsonNode?> EvalObject(IReadOnlyList<(JqAst Key, JqAst Value)> entries, int at, JsonObject built, JsonNode? input, JqEnv? env)
    {
        if (at == entries.Count)
        {
            yield return built.DeepClone();
            yield break;
        }

        foreach (var key in Eval(entries[at].Key, input, env))
        {
            if (!JqValues.IsString(key))
            {
                throw JqRuntimeException.Of($"Object keys must be strings, not {JqValues.Describe(key)}");
            }

            foreach (var value in Eval(entries[at].Value, input, env))
            {
                var next = (JsonObject)built.DeepClone();
                next[JqValues.ToText(key)] = JqValues.Own(value);
                foreach (var result in EvalObject(entries, at + 1, next, input, env))
                {
                    yield return result;
                }
            }
        }
    }

    private static IEnumerable<JsonNode?> EvalIf(JqIf conditional, JsonNode? input, JqEnv? env) =>
        Eval(conditional.Condition, input, env).SelectMany(c =>
            JqValues.Truthy(c) ? Eval(conditional.Then, input, env)
            : conditional.Else is null ? [input]
            : Eval(conditional.Else, input, env));

    private static IEnumerable<JsonNode?> EvalReduce(JqReduce reduce, JsonNode? input, JqEnv? env)
    {
        foreach (var init in Eval(reduce.Init, input, env))
        {
            var state = init;
            foreach (var item in Eval(reduce.Source, input, env))
            {
                state = Eval(reduce.Update, state, new JqEnv(reduce.Name, item, env)).LastOrDefault();
            }

            yield return state;
        }
    }

    private static IEnumerable<JsonNode?> EvalForeach(JqForeach fold, JsonNode? input, JqEnv? env)
    {
        foreach (var init in Eval(fold.Init, input, env))
        {
            var state = init;
            foreach (var item in Eval(fold.Source, input, env))
            {
                var scope = new JqEnv(fold.Name, item, env);
                foreach (var next in Eval(fold.Update, state, scope))
                {
                    state = next;
                    foreach (var output in fold.Extract is null ? [next] : Eval(fold.Extract, next, scope))
                    {
                        yield return output;
                    }
                }
            }
        }
    }

    private static IEnumerable<JsonNode?> Interpolate(JqInterpolation text, int at, string prefix, JsonNode? input, JqEnv? env)
    {
        if (at == text.Parts.Count)
        {
            yield return JqValues.String(prefix);
            yield break;
        }

        if (text.Parts[at] is string literal)
        {
            foreach (var result in Interpolate(text, at + 1, prefix + literal, input, env))
            {
                yield return result;
            }

            yield break;
        }

        foreach (var value in Eval((JqAst)text.Parts[at], input, env))
        {
            var piece = text.Format is null ? JqBuiltins.ToStringValue(value) : JqBuiltins.ApplyFormat(text.Format, value);
            foreach (var result in Interpolate(text, at + 1, prefix + piece, input, env))
            {
                yield return result;
            }
        }
    }
}
