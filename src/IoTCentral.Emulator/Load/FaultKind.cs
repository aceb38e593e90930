namespace IoTCentral.Emulator.Load;

/// <summary>How one API request fails, if it does.</summary>
internal enum FaultKind
{
    None,

    /// <summary>429 with Retry-After, before the request is processed.</summary>
    Throttle,

    /// <summary>500, before the request is processed.</summary>
    ServerError,

    /// <summary>503, before the request is processed.</summary>
    Unavailable,

    /// <summary>The request is processed, then the connection is aborted without an answer.</summary>
    Reset,

    /// <summary>The request is processed, then half of the answer is sent and the connection aborted.</summary>
    Truncate,
}
