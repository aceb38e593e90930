using System;
using IoTCentral.Models;

namespace IoTCentral.Engine.Internal;

/// <summary>Resolves what callers pass (an /api-relative path or a nextLink) to the URL to send, and refuses other hosts.</summary>
internal static class RequestTarget
{
    /// <summary>The <see cref="IoTCentralException.ErrorCode"/> of a refused request to another host.</summary>
    public const string OtherHostErrorCode = "RequestToOtherHost";

    public static Uri Resolve(Uri applicationUrl, string path, string apiVersion)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        Uri target;
        if (IsAbsolute(path))
        {
            target = new Uri(path, UriKind.Absolute);
            EnsureSameOrigin(applicationUrl, target);
        }
        else
        {
            var relative = path.TrimStart('/');
            var url = applicationUrl.GetLeftPart(UriPartial.Authority) + ApiRoot(applicationUrl) + relative;
            if (relative.IndexOf('?') < 0)
            {
                // The common case (no query of the caller's): one Uri parse per request rather than two.
                return new Uri(url + "?api-version=" + Uri.EscapeDataString(apiVersion), UriKind.Absolute);
            }

            target = new Uri(url, UriKind.Absolute);
        }

        return HasApiVersion(target.Query) ? target : AppendApiVersion(target, apiVersion);
    }

    /// <summary>
    /// A nextLink comes from a response body; following one to another host would hand the credential to it.
    /// </summary>
    public static void EnsureSameOrigin(Uri applicationUrl, Uri target)
    {
        if (!string.Equals(target.Scheme, applicationUrl.Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(target.Host, applicationUrl.Host, StringComparison.OrdinalIgnoreCase)
            || target.Port != applicationUrl.Port)
        {
            // Status 0: nothing was sent. The code lets the module give the refusal its own error id.
            throw new IoTCentralException(0, OtherHostErrorCode,
                $"Refusing to send a request to {target.GetLeftPart(UriPartial.Authority)}: it is not the application {applicationUrl.GetLeftPart(UriPartial.Authority)}, and the credential is only sent to the application.",
                requestId: null);
        }
    }

    private static bool IsAbsolute(string path) =>
        path.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

    // An application URL may carry a path prefix (a reverse proxy); /api goes under it.
    private static string ApiRoot(Uri applicationUrl) => applicationUrl.AbsolutePath.TrimEnd('/') + "/api/";

    private static bool HasApiVersion(string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&'))
        {
            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair.Substring(0, equals);
            if (string.Equals(Uri.UnescapeDataString(name), "api-version", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static Uri AppendApiVersion(Uri target, string apiVersion)
    {
        var separator = target.Query.Length > 1 ? "&" : target.Query.Length == 1 ? string.Empty : "?";
        return new Uri(target.AbsoluteUri + separator + "api-version=" + Uri.EscapeDataString(apiVersion), UriKind.Absolute);
    }
}
