namespace IoTCentral.Emulator.Features.Query;

/// <summary>
/// A query the language rejects: a syntax error, a broken limit or a semantic rule. The route answers it 400
/// with the message, which names the problem and, where there is one, its 1-based character position.
/// </summary>
internal sealed class QueryException(string message) : Exception(message)
{
    /// <summary>The <c>error.code</c> of the 400 answer.</summary>
    public const string ErrorCode = "InvalidQuery";
}
