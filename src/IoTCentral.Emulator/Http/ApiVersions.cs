namespace IoTCentral.Emulator.Http;

/// <summary>The api-version values the emulator accepts.</summary>
internal static class ApiVersions
{
    public const string Ga = "2022-07-31";
    public const string Preview = "2022-10-31-preview";

    /// <summary>GA and preview, plus the two previous versions whose shapes match these routes.</summary>
    public static readonly IReadOnlyList<string> Supported = [Ga, Preview, "2022-05-31", "2022-06-30-preview"];

    public static bool IsSupported(string version) => Supported.Contains(version, StringComparer.Ordinal);

    /// <summary>
    /// For operations that exist only in the preview spec: under another api-version the service has no such route, so
    /// the answer is the one for an unknown path (404), with a message that names the version to use.
    /// </summary>
    public static void RequirePreview(Microsoft.AspNetCore.Http.HttpContext context, string feature)
    {
        var version = RequestContext.Of(context).ApiVersion;
        if (version != Preview)
        {
            throw ApiException.NotFound($"The {feature} is not available in api-version '{version}'; use api-version={Preview}.");
        }
    }
}
