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
}
