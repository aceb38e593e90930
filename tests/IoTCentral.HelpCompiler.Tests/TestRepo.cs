using System.Reflection;

namespace IoTCentral.HelpCompiler.Tests;

/// <summary>Finds the repository root: from the build's RepoRoot metadata, else by walking up to IoTCentral.sln.</summary>
internal static class TestRepo
{
    public static string Root { get; } = Find();

    public static string Docs => Path.Combine(Root, "docs", "en-US");

    private static string Find()
    {
        var fromBuild = typeof(TestRepo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        if (!string.IsNullOrEmpty(fromBuild) && File.Exists(Path.Combine(fromBuild, "IoTCentral.sln")))
        {
            return Path.GetFullPath(fromBuild);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IoTCentral.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (IoTCentral.sln) above " + AppContext.BaseDirectory);
    }
}
