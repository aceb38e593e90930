using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

/// <summary>
/// Probes every operation of both data-plane specs once, with the api-version its spec file names, and fails for each
/// one the emulator does not route: the generic 404 "path does not exist" or a 405. Any other answer (a resource's
/// own 404, a 400 for the probe's empty body, 200) shows a route is there. A private emulator, because a probe PUT
/// may create something.
/// </summary>
public sealed class OperationCoverageTests(OperationCoverageTests.PrivateEmulator probe) : IClassFixture<OperationCoverageTests.PrivateEmulator>
{
    private const string GaSpec = "iotcentral-2022-07-31.json";
    private const string PreviewSpec = "iotcentral-2022-10-31-preview.json";

    public static TheoryData<string, string, string, string> Operations()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var (file, version) in new[] { (GaSpec, "2022-07-31"), (PreviewSpec, "2022-10-31-preview") })
        {
            foreach (var (operationId, method, path) in SpecOperations(file))
            {
                data.Add(version, operationId, method, path);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task EveryOperationIsRouted(string apiVersion, string operationId, string method, string path)
    {
        var url = "/api" + ProbePath(path) + "?api-version=" + apiVersion;
        var httpMethod = new HttpMethod(method.ToUpperInvariant());
        var body = httpMethod == HttpMethod.Get || httpMethod == HttpMethod.Delete ? null : "{}";
        var response = await probe.Emulator.Admin.SendAsync(httpMethod, url, body,
            httpMethod == HttpMethod.Patch ? "application/merge-patch+json" : "application/json");

        Assert.False(IsUnrouted(response), $"{operationId} ({method.ToUpperInvariant()} {path}, {apiVersion}) is not served: {response}");
    }

    [Fact]
    public void BothSpecsAreProbed()
    {
        // 120 operations in the preview file, of which every GA operation is one; a smaller count means a spec went missing.
        Assert.Equal(120, SpecOperations(PreviewSpec).Count);
        Assert.True(SpecOperations(GaSpec).Count >= 90);
    }

    /// <summary>One emulator for all the probes of a run, not shared with other test classes.</summary>
    public sealed class PrivateEmulator : IAsyncLifetime
    {
        private TestEmulator? emulator;

        public TestEmulator Emulator => emulator ?? throw new InvalidOperationException("The emulator has not started.");

        public async Task InitializeAsync() => emulator = await TestEmulator.StartAsync();

        public async Task DisposeAsync()
        {
            if (emulator is not null)
            {
                await emulator.DisposeAsync();
            }
        }
    }

    private static bool IsUnrouted(ApiResponse response)
    {
        if (response.Status == HttpStatusCode.MethodNotAllowed)
        {
            return true;
        }

        if (response.Status != HttpStatusCode.NotFound)
        {
            return false;
        }

        var error = JsonDocument.Parse(response.Body).RootElement.GetProperty("error");
        return error.GetProperty("code").GetString() == "NotFound"
            && (error.GetProperty("message").GetString() ?? string.Empty).EndsWith("does not exist.", StringComparison.Ordinal);
    }

    /// <summary>Path parameters filled with values the spec allows, so a route's own checks answer rather than the router.</summary>
    private static string ProbePath(string path) =>
        System.Text.RegularExpressions.Regex.Replace(path, "\\{([^}]+)\\}", m => m.Groups[1].Value switch
        {
            "deviceTemplateId" => Uri.EscapeDataString("dtmi:probe:template;1"),
            "dashboardId" or "deploymentManifestId" => "probe",
            "entry" => "primary",
            _ => "probe-none",
        });

    private static List<(string OperationId, string Method, string Path)> SpecOperations(string file)
    {
        var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(SpecSchemas.SpecPath)!, file)))!;
        var operations = new List<(string, string, string)>();
        foreach (var (path, item) in spec["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (operation is JsonObject o && o["operationId"] is { } id)
                {
                    operations.Add((id.GetValue<string>(), method, path));
                }
            }
        }

        return operations;
    }
}
