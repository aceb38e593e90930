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

    /// <summary>Every output, each detached from the input so it can be serialized or stored on its own.</summary>
    public IReadOnlyList<JsonNode?> Run(JsonNode? input)
    {
        try
        {
            return JqEvaluator.Eval(_program, input, null).Select(JqValues.Own).ToList();
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            throw JqRuntimeException.Of("a regular expression took too long to match");
        }
        catch (InsufficientExecutionStackException)
        {
            throw JqRuntimeException.Of("the query nests too deeply");
        }
    }
}
