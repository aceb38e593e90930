using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IoTCentral.Emulator.Http;

/// <summary>
/// Outermost middleware: gives each request its id (<c>x-ms-request-id</c>, echoing <c>x-ms-client-request-id</c>)
/// and turns every failure into the spec's error shape: <see cref="ApiException"/>, malformed HTTP requests,
/// body-less 404/405 answers of routing, and (never for bad input, only for emulator bugs) unexpected exceptions.
/// </summary>
internal sealed class ErrorResponseMiddleware(RequestDelegate next, EmulatorSettings settings, ILogger<ErrorResponseMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var requestContext = new RequestContext(Guid.NewGuid().ToString());
        context.Features.Set(requestContext);
        context.Response.Headers[RequestContext.RequestIdHeader] = requestContext.RequestId;
        if (context.Request.Headers.TryGetValue(RequestContext.ClientRequestIdHeader, out var clientRequestId))
        {
            context.Response.Headers[RequestContext.ClientRequestIdHeader] = clientRequestId;
        }

        try
        {
            await next(context);
            if (!context.Response.HasStarted && context.Response.ContentType is null && IsBodylessError(context.Response.StatusCode))
            {
                await WriteStatusOnlyErrorAsync(context);
            }
        }
        catch (ApiException e) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, e.StatusCode, e.Code, e.Message);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, e.StatusCode, ErrorCodes.InvalidRequest, e.Message);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            logger.LogError(e, "Unhandled emulator error for {Method} {Path}", context.Request.Method, context.Request.Path);
            await WriteAsync(context, StatusCodes.Status500InternalServerError, ErrorCodes.InternalError,
                "The emulator failed unexpectedly: " + e.Message);
        }
    }

    private static bool IsBodylessError(int statusCode) => statusCode is >= 400 and < 600;

    private Task WriteStatusOnlyErrorAsync(HttpContext context) => context.Response.StatusCode switch
    {
        StatusCodes.Status404NotFound => WriteAsync(context, StatusCodes.Status404NotFound, ErrorCodes.NotFound,
            $"The path '{context.Request.Path}' does not exist."),
        StatusCodes.Status405MethodNotAllowed => WriteAsync(context, StatusCodes.Status405MethodNotAllowed,
            ErrorCodes.MethodNotAllowed, $"The method '{context.Request.Method}' is not allowed on '{context.Request.Path}'."),
        var status => WriteAsync(context, status, ErrorCodes.InvalidRequest, $"The request failed with status {status}."),
    };

    private Task WriteAsync(HttpContext context, int statusCode, string code, string message)
    {
        var allow = context.Response.Headers.Allow;
        context.Response.Clear();
        if (statusCode == StatusCodes.Status405MethodNotAllowed && allow.Count > 0)
        {
            context.Response.Headers.Allow = allow;
        }

        var clientRequestId = context.Request.Headers[RequestContext.ClientRequestIdHeader];
        if (clientRequestId.Count > 0)
        {
            context.Response.Headers[RequestContext.ClientRequestIdHeader] = clientRequestId;
        }

        return ErrorResponse.WriteAsync(context, statusCode, code, message, settings.Clock);
    }
}
