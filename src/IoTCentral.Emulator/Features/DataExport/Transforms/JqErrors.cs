using System.Text.Json.Nodes;

namespace IoTCentral.Emulator.Features.DataExport.Transforms;

/// <summary>A query that does not parse; <see cref="Position"/> is the 0-based character offset in the query text.</summary>
internal sealed class JqParseException(string message, int position)
    : Exception($"{message} at position {position}")
{
    public int Position { get; } = position;

    /// <summary>The problem without the position, for callers that report the position their own way.</summary>
    public string Problem { get; } = message;
}

/// <summary>
/// An error raised while a query runs (jq's <c>error</c>): <see cref="Value"/> is what <c>try ... catch</c> receives,
/// usually the message string, as jq does.
/// </summary>
internal sealed class JqRuntimeException(JsonNode? value)
    : Exception(value is JsonValue v && v.TryGetValue<string>(out var s) ? s : JqValues.ToJson(value) + " (not a string)")
{
    public JsonNode? Value { get; } = value;

    public static JqRuntimeException Of(string message) => new(JsonValue.Create(message));
}
