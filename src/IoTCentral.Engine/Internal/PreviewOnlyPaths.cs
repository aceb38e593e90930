using System;

namespace IoTCentral.Engine.Internal;

/// <summary>
/// The path templates that exist in the 2022-10-31-preview spec and not in 2022-07-31, so that a raw request to one of
/// them goes with the preview api-version unless the caller names one. Every method of these paths is preview-only
/// too (no shared path gains a method in the preview). A test in IoTCentral.Engine.Tests recomputes the set from the
/// vendored specs and fails when this table drifts from them.
/// </summary>
internal static class PreviewOnlyPaths
{
    public const string ApiVersion = "2022-10-31-preview";

    /// <summary>Segments as in the spec; "{}" stands for any one parameter segment.</summary>
    internal static readonly string[] Templates =
    {
        "/dashboards",
        "/dashboards/{dashboardId}",
        "/dataExport/destinations",
        "/dataExport/destinations/{destinationId}",
        "/dataExport/destinations/{destinationId}/exports",
        "/dataExport/exports",
        "/dataExport/exports/{exportId}",
        "/dataExport/exports/{exportId}/destinations",
        "/deploymentManifests",
        "/deploymentManifests/{deploymentManifestId}",
        "/devices/{deviceId}/applyDeploymentManifest",
        "/query",
    };

    /// <summary>
    /// The api-version for <paramref name="path"/> (an /api-relative path, optionally with a query, or an absolute URL
    /// whose path holds /api/) when it matches a preview-only template; otherwise null, meaning the client's default.
    /// </summary>
    public static string? ApiVersionFor(string path)
    {
        var segments = RelativeSegments(path);
        if (segments is null)
        {
            return null;
        }

        foreach (var template in Templates)
        {
            if (Matches(template.TrimStart('/').Split('/'), segments))
            {
                return ApiVersion;
            }
        }

        return null;
    }

    private static string[]? RelativeSegments(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        var end = path.IndexOfAny(new[] { '?', '#' });
        var withoutQuery = end < 0 ? path : path.Substring(0, end);
        if (withoutQuery.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || withoutQuery.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            // An absolute URL: what follows the last /api/ is the operation path (the application may sit under a prefix).
            var api = withoutQuery.LastIndexOf("/api/", StringComparison.OrdinalIgnoreCase);
            if (api < 0)
            {
                return null;
            }

            withoutQuery = withoutQuery.Substring(api + 5);
        }

        var trimmed = withoutQuery.Trim('/');
        return trimmed.Length == 0 ? null : trimmed.Split('/');
    }

    private static bool Matches(string[] template, string[] segments)
    {
        if (template.Length != segments.Length)
        {
            return false;
        }

        for (var i = 0; i < template.Length; i++)
        {
            var literal = !template[i].StartsWith("{", StringComparison.Ordinal);
            if (literal && !string.Equals(template[i], segments[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (!literal && segments[i].Length == 0)
            {
                return false;
            }
        }

        return true;
    }
}
