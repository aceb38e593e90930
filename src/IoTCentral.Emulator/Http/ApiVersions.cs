namespace IoTCentral.Emulator.Http;

/// <summary>The api-version values the emulator accepts.</summary>
internal static class ApiVersions
{
    public const string Ga = "2022-07-31";
    public const string Preview = "2022-10-31-preview";

    /// <summary>GA and preview, plus the two previous versions whose shapes match these routes.</summary>
    public static readonly IReadOnlyList<string> Supported = [Ga, Preview, "2022-05-31", "2022-06-30-preview"];

    public static bool IsSupported(string version) => Supported.Contains(version, StringComparer.Ordinal);
}
