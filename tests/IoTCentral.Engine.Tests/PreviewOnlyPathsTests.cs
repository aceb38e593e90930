using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using IoTCentral.Engine.Internal;
using Xunit;

namespace IoTCentral.Engine.Tests;

public class PreviewOnlyPathsTests
{
    [Fact]
    public void The_table_is_exactly_the_paths_the_preview_spec_adds_to_the_GA_spec()
    {
        var ga = SpecPaths("iotcentral-2022-07-31.json");
        var preview = SpecPaths("iotcentral-2022-10-31-preview.json");

        var previewOnly = preview.Except(ga, StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal).ToArray();

        Assert.Equal(previewOnly, PreviewOnlyPaths.Templates.OrderBy(p => p, StringComparer.Ordinal).ToArray());
    }

    [Theory]
    [InlineData("/dataExport/exports", "2022-10-31-preview")]
    [InlineData("dataExport/destinations/dest-1/exports", "2022-10-31-preview")]
    [InlineData("/dashboards?maxpagesize=5", "2022-10-31-preview")]
    [InlineData("/devices/edge-1/applyDeploymentManifest", "2022-10-31-preview")]
    [InlineData("https://app.azureiotcentral.com/api/query", "2022-10-31-preview")]
    [InlineData("/QUERY/", "2022-10-31-preview")]
    [InlineData("/devices", null)]
    [InlineData("/devices/query", null)]
    [InlineData("/dataExport", null)]
    [InlineData("/dataExport/exports/a/b", null)]
    [InlineData("https://app.azureiotcentral.com/roles", null)]
    [InlineData("", null)]
    public void A_path_matches_a_template_segment_by_segment(string path, string? expected)
    {
        Assert.Equal(expected, PreviewOnlyPaths.ApiVersionFor(path));
    }

    private static string[] SpecPaths(string fileName)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(FindSpec(fileName)));
        return document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToArray();
    }

    // The specs are vendored in the repository's spec/ folder; tests run from somewhere below the repository root.
    private static string FindSpec(string fileName)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "spec", fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"spec/{fileName} was not found above {AppContext.BaseDirectory}.");
    }
}
