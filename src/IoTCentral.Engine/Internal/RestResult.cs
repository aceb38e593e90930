using System;

namespace IoTCentral.Engine.Internal;

/// <summary>A successful response, buffered, detached from the pipeline's message.</summary>
internal sealed class RestResult
{
    public RestResult(int status, ReadOnlyMemory<byte> content, string? requestId)
    {
        Status = status;
        Content = content;
        RequestId = requestId;
    }

    public int Status { get; }

    public ReadOnlyMemory<byte> Content { get; }

    public string? RequestId { get; }

    /// <summary>The headers of a long-running operation's answer (Azure-AsyncOperation, Location, Retry-After), when present.</summary>
    public System.Collections.Generic.IReadOnlyDictionary<string, string> Headers { get; set; } = NoHeaders;

    // Shared and never written to: most results have none, and each call allocating its own showed in profiles.
    private static readonly System.Collections.Generic.IReadOnlyDictionary<string, string> NoHeaders =
        new System.Collections.Generic.Dictionary<string, string>();
}
