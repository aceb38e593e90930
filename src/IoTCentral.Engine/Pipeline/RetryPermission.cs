using System;
using Azure.Core;

namespace IoTCentral.Engine.Pipeline;

/// <summary>
/// Decides per request whether a failed attempt may be repeated. A request whose repetition is harmless (GET, PUT,
/// DELETE, a merge-patch PATCH) is repeated after any transient failure; a POST such as a device command may already
/// have run when its answer was lost, so it is repeated only when the caller says so. A 429 is another matter: the
/// service refused the request unprocessed, so every method may send it again (see <see cref="IdempotentRetryClassifier"/>).
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

        return IsRepeatable(message.Request);
    }

    public static bool IsRepeatable(Request request)
    {
        var method = request.Method;
        if (method == RequestMethod.Patch)
        {
            // A merge patch sets the same members to the same values however often it is applied.
            return request.Headers.TryGetValue(HttpHeader.Names.ContentType, out var contentType)
                && contentType.StartsWith("application/merge-patch+json", StringComparison.OrdinalIgnoreCase);
        }

        return method == RequestMethod.Get || method == RequestMethod.Head || method == RequestMethod.Put
            || method == RequestMethod.Delete || method == RequestMethod.Options;
    }
}
