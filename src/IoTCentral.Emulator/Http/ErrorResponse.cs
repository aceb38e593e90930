using Microsoft.AspNetCore.Http;

namespace IoTCentral.Emulator.Http;

/// <summary>Writes the spec's <c>Error</c> body: <c>{"error":{"code","message","requestId","time"}}</c>.</summary>
internal static class ErrorResponse
{
    private sealed record ErrorBody(ErrorDetails Error);

    private sealed record ErrorDetails(string Code, string Message, string RequestId, string Time);

    public static async Task WriteAsync(HttpContext context, int statusCode, string code, string message, TimeProvider clock)
    {
        var requestId = RequestContext.Of(context).RequestId;
        var response = context.Response;
        response.StatusCode = statusCode;
        response.Headers[RequestContext.ErrorCodeHeader] = code;
        response.Headers[RequestContext.RequestIdHeader] = requestId;
        var time = clock.GetUtcNow().ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        var body = new ErrorBody(new ErrorDetails(code, message, requestId, time));
        await response.WriteAsJsonAsync(body, EmulatorJson.Options, "application/json; charset=utf-8", context.RequestAborted);
    }
}
