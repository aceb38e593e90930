using Microsoft.AspNetCore.Http;

namespace IoTCentral.Emulator.Http;

/// <summary>Per-request values the emulator's middleware establishes, kept as an HttpContext feature.</summary>
internal sealed class RequestContext(string requestId)
{
    public const string RequestIdHeader = "x-ms-request-id";
    public const string ClientRequestIdHeader = "x-ms-client-request-id";
    public const string ErrorCodeHeader = "x-ms-error-code";

    public string RequestId { get; } = requestId;

    /// <summary>The validated api-version; null until <see cref="ApiVersionMiddleware"/> ran.</summary>
    public string? ApiVersion { get; set; }

    public static RequestContext Of(HttpContext context) =>
        context.Features.Get<RequestContext>() ?? throw new InvalidOperationException("Request context is missing.");
}
