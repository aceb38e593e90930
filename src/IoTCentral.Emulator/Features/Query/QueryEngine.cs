using System.Text.Json.Nodes;
using IoTCentral.Emulator.Features.Query.Evaluation;
using IoTCentral.Emulator.Features.Query.Syntax;

namespace IoTCentral.Emulator.Features.Query;

/// <summary>The query language's entry point: checks the text, parses it and runs it at the server's time.</summary>
internal static class QueryEngine
{
    /// <exception cref="QueryException">The query is empty, too long, malformed or breaks a rule of the language.</exception>
    public static IReadOnlyList<JsonObject> Run(string? query, IQuerySource source, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new QueryException("The query is empty; write for example SELECT $id, $ts, temperature FROM <device template id> WHERE WITHIN_WINDOW(P1D).");
        }

        if (query.Length > QueryLimits.MaxQueryLength)
        {
            throw new QueryException(
                $"The query is {query.Length} characters long; at most {QueryLimits.MaxQueryLength} are allowed.");
        }

        return QueryEvaluator.Evaluate(Parser.Parse(query), source, now);
    }
}
