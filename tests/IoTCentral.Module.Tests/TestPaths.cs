using System.Reflection;

namespace IoTCentral.Module.Tests;

/// <summary>Where the build put things; baked in at compile time so tests run from any directory.</summary>
internal static class TestPaths
{
    internal static string RepoRoot { get; } = Metadata("RepoRoot");

    internal static string ModuleManifest { get; } = Path.Combine(RepoRoot, "out", "IoTCentral", "IoTCentral.psd1");

    internal static string OldAzureCore { get; } = Metadata("OldAzureCore");

    internal static string Docs { get; } = Path.Combine(RepoRoot, "docs");

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
