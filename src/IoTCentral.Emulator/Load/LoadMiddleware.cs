using System.Globalization;
using IoTCentral.Emulator.Http;
using Microsoft.AspNetCore.Http;

namespace IoTCentral.Emulator.Load;

/// <summary>
/// Makes the application behave like the service under load, for API requests only (the device feed stands for IoT Hub
/// and is left alone): the rate limit refuses requests over the budget with 429 and Retry-After, then injected faults
/// delay, refuse (429, 500, 503: nothing is processed) or lose the answer of a processed request (reset, truncate).
/// </summary>
internal sealed class LoadMiddleware(RequestDelegate next, RequestRateLimiter limiter, FaultInjector faults, LoadStatistics statistics, EmulatorSettings settings)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(EmulatorApp.ApiBasePath, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        statistics.CountRequest();
        if (limiter.IsEnabled && !limiter.TryAcquire(out var wait))
        {
            statistics.CountRateLimited();
            await ThrottleAsync(context, wait, "The application's limit of requests per second was exceeded; retry after the time in Retry-After.");
            return;
        }

        if (!faults.IsEnabled)
        {
            await next(context);
            return;
        }

        var (fault, delay) = faults.Next();
        if (delay > TimeSpan.Zero)
        {
            statistics.CountDelay();
            await Task.Delay(delay, context.RequestAborted);
        }

        statistics.Count(fault);
        switch (fault)
        {
            case FaultKind.Throttle:
                await ThrottleAsync(context, TimeSpan.FromSeconds(1), "Injected fault: the request was throttled.");
                break;
            case FaultKind.ServerError:
                await ErrorResponse.WriteAsync(context, StatusCodes.Status500InternalServerError, ErrorCodes.InternalError, "Injected fault: internal server error.", settings.Clock);
                break;
            case FaultKind.Unavailable:
                await ErrorResponse.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, ErrorCodes.ServiceUnavailable, "Injected fault: the service is unavailable.", settings.Clock);
                break;
            case FaultKind.Reset:
                await ProcessUnansweredAsync(context);
                context.Abort();
                break;
            case FaultKind.Truncate:
                await SendHalfAsync(context, await ProcessUnansweredAsync(context));
                break;
            default:
                await next(context);
                break;
        }
    }

    private Task ThrottleAsync(HttpContext context, TimeSpan wait, string message)
    {
        // Whole seconds, rounded up, as HTTP's Retry-After has them: a client that waits that long finds a free slot.
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return ErrorResponse.WriteAsync(context, StatusCodes.Status429TooManyRequests, ErrorCodes.TooManyRequests, message, settings.Clock);
    }

    /// <summary>Runs the request to its end with the answer kept back; null when it failed (the failure's answer is what gets lost).</summary>
    private async Task<byte[]?> ProcessUnansweredAsync(HttpContext context)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
            return buffer.ToArray();
        }
        catch (Exception) when (!context.RequestAborted.IsCancellationRequested)
        {
            // An error answer is lost like any other; the work it reports on is the same.
            return null;
        }
        finally
        {
            context.Response.Body = original;
        }
    }

    private static async Task SendHalfAsync(HttpContext context, byte[]? body)
    {
        if (body is { Length: >= 2 })
        {
            // Announce the whole length and send half, so the client sees its answer end too early.
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }

        context.Abort();
    }
}
