using System;
using Azure.Core;

namespace IoTCentral.Engine.Pipeline;

/// <summary>
/// Decides per request whether a failed attempt may be repeated. Only idempotent methods retry by default: a POST
/// or PATCH that timed out may already have taken effect, and repeating it could run a command twice.
/// </summary>
internal static class RetryPermission
{
    private const string PropertyName = "IoTCentral.AllowRetry";

    public static void Set(HttpMessage message, bool? allowRetry)
    {
        if (allowRetry.HasValue)
        {
            message.SetProperty(PropertyName, allowRetry.Value);
        }
    }

    public static bool IsAllowed(HttpMessage message)
    {
        if (message.TryGetProperty(PropertyName, out var value) && value is bool explicitChoice)
        {
            return explicitChoice;
        }

        return IsIdempotent(message.Request.Method);
    }

    public static bool IsIdempotent(RequestMethod method) =>
        method == RequestMethod.Get || method == RequestMethod.Head || method == RequestMethod.Put
        || method == RequestMethod.Delete || method == RequestMethod.Options;
}
