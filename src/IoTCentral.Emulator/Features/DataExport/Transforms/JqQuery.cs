using System.Text.Json.Nodes;

namespace IoTCentral.Emulator.Features.DataExport.Transforms;

/// <summary>
/// A parsed data-export transform: a jq program that turns one export message into 0..n output records.
/// Parse errors (<see cref="JqParseException"/>) carry the position; runtime errors are <see cref="JqRuntimeException"/>.
/// </summary>
internal sealed class JqQuery
{
    private readonly JqAst _program;

    private JqQuery(JqAst program) => _program = program;

    public static JqQuery Parse(string text) => new(JqParser.Parse(text));

    public const int MaxOutputs = 10_000;

    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(5);

    /// <summary>Every output, each detached from the input so it can be serialized or stored on its own.</summary>
    public IReadOnlyList<JsonNode?> Run(JsonNode? input)
    {
        // One delivery loop serves every export, so a query that never ends (repeat(.), range(1e15)) must not stall it.
        JqBudget.Start(TimeLimit);
        try
        {
            var outputs = new List<JsonNode?>();
            foreach (var output in JqEvaluator.Eval(_program, input, null))
            {
                if (outputs.Count == MaxOutputs)
                {
                    throw JqRuntimeException.Of($"the query produced more than {MaxOutputs} outputs");
                }

                outputs.Add(JqValues.Own(output));
            }

            return outputs;
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            throw JqRuntimeException.Of("a regular expression took too long to match");
        }
        catch (InsufficientExecutionStackException)
        {
            throw JqRuntimeException.Of("the query nests too deeply");
        }
        finally
        {
            JqBudget.Stop();
        }
    }
}
