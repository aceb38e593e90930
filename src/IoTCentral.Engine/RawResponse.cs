namespace IoTCentral.Engine;

/// <summary>What the escape hatch returns: the status and the body as plain CLR values PowerShell can show.</summary>
public sealed class RawResponse
{
    public RawResponse(int status, object? body, string? requestId)
    {
        Status = status;
        Body = body;
        RequestId = requestId;
    }

    public int Status { get; }

    /// <summary>
    /// The JSON body: objects as OrderedDictionary, arrays as object?[], integers as long (decimal or double when
    /// they do not fit), other numbers as double; null when the body is empty.
    /// </summary>
    public object? Body { get; }

    public string? RequestId { get; }
}
