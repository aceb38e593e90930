using System.Text.Json.Nodes;

namespace IoTCentral.Emulator.Features.DataExport.Transforms;

/// <summary>A parsed jq expression; <see cref="Position"/> is where it starts in the query, for messages.</summary>
internal abstract record JqAst(int Position);

internal sealed record JqIdentity(int Position) : JqAst(Position);

internal sealed record JqRecurseAll(int Position) : JqAst(Position);

internal sealed record JqLiteral(int Position, JsonNode? Value) : JqAst(Position);

/// <summary>A string with <c>\(...)</c> parts; <see cref="Format"/> (<c>@base64 "..."</c>) applies to the interpolated values.</summary>
internal sealed record JqInterpolation(int Position, IReadOnlyList<object> Parts, string? Format) : JqAst(Position);

internal sealed record JqFormat(int Position, string Name) : JqAst(Position);

/// <summary><c>Target[Index]</c>, and <c>.name</c> as an index by a literal string.</summary>
internal sealed record JqIndex(int Position, JqAst Target, JqAst Index) : JqAst(Position);

internal sealed record JqSlice(int Position, JqAst Target, JqAst? From, JqAst? To) : JqAst(Position);

internal sealed record JqIterate(int Position, JqAst Target) : JqAst(Position);

/// <summary><c>Body?</c> and <c>try Body catch Handler</c>: errors end the body's outputs (the handler sees the error).</summary>
internal sealed record JqTry(int Position, JqAst Body, JqAst? Handler) : JqAst(Position);

internal sealed record JqPipe(int Position, JqAst Left, JqAst Right) : JqAst(Position);

internal sealed record JqComma(int Position, JqAst Left, JqAst Right) : JqAst(Position);

internal sealed record JqNegate(int Position, JqAst Operand) : JqAst(Position);

/// <summary>A binary operator: arithmetic, comparison, <c>and</c>, <c>or</c>, <c>//</c>, and the assignments.</summary>
internal sealed record JqBinary(int Position, string Operator, JqAst Left, JqAst Right) : JqAst(Position);

internal sealed record JqArray(int Position, JqAst? Items) : JqAst(Position);

internal sealed record JqObject(int Position, IReadOnlyList<(JqAst Key, JqAst Value)> Entries) : JqAst(Position);

internal sealed record JqIf(int Position, JqAst Condition, JqAst Then, JqAst? Else) : JqAst(Position);

/// <summary><c>Source as $Name | Body</c>.</summary>
internal sealed record JqBind(int Position, JqAst Source, string Name, JqAst Body) : JqAst(Position);

internal sealed record JqReduce(int Position, JqAst Source, string Name, JqAst Init, JqAst Update) : JqAst(Position);

internal sealed record JqForeach(int Position, JqAst Source, string Name, JqAst Init, JqAst Update, JqAst? Extract) : JqAst(Position);

internal sealed record JqVariable(int Position, string Name) : JqAst(Position);

internal sealed record JqCall(int Position, string Name, IReadOnlyList<JqAst> Arguments) : JqAst(Position);
