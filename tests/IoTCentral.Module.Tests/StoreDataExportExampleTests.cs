namespace IoTCentral.Module.Tests;

/// <summary>
/// docs/examples/store-data-export.ps1 runs against the emulator from start to cleanup: the emulator's webhook
/// deliveries reach the listener the script starts itself, and the script's summary tells what arrived.
/// </summary>
public sealed class StoreDataExportExampleTests : ModuleTestBase
{
    private const string Authorization = "Bearer store-export-secret-5d17";

    public StoreDataExportExampleTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void The_store_data_export_example_receives_filtered_enriched_telemetry_at_its_own_listener()
    {
        var prefix = UniqueId("stores");
        var script = Path.Combine(TestPaths.RepoRoot, "docs", "examples", "store-data-export.ps1");
        var variables = AdminVariables;
        variables["authorization"] = Secrets.Protect(Authorization);
        var result = Shell.Run(
            $"$VerbosePreference = 'Continue'; & '{script}' -ApplicationUrl $url -ApiToken $adminToken -WebhookAuthorization $authorization -Prefix {prefix} -Cleanup",
            variables);
        result.AssertNoErrors();
        Assert.DoesNotContain(Authorization, result.AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain(Emulator.Server.AdminApiToken, result.AllText(), StringComparison.Ordinal);

        var summary = Assert.Single(result.Output);
        Assert.True((int)summary.Properties["MessagesReceived"].Value > 0);
        Assert.Equal(0, summary.Properties["RejectedRequests"].Value);
        Assert.Equal("healthy", summary.Properties["ExportStatus"].Value);
        Assert.NotNull(summary.Properties["LastExportTime"].Value);
        Assert.Equal(true, summary.Properties["CleanedUp"].Value);

        // The filter leaves the stockroom out; both sales floors arrive, each tagged with its store from its properties.
        var seen = Strings(summary.Properties["DevicesSeen"].Value);
        Assert.Equal(new[] { prefix + "-portland-floor", prefix + "-seattle-floor" }, seen);
        Assert.Equal(prefix + "-seattle-stockroom", summary.Properties["ExcludedDevice"].Value);
        Assert.Equal(new[] { "Portland", "Seattle" }, Strings(summary.Properties["StoresSeen"].Value));
        Assert.Equal(new[] { "Contoso Markets" }, Strings(summary.Properties["ChainSeen"].Value));

        var gone = RunWith(
            "Get-IoTCentralExport -Id $export; Get-IoTCentralExportDestination -Id $destination; Get-IoTCentralDevice -Id $device",
            ("export", prefix + "-floor-telemetry"), ("destination", prefix + "-analytics"), ("device", prefix + "-seattle-floor"));
        Assert.Equal(3, gone.Errors.Count);
        Assert.All(gone.Errors, e => Assert.Contains("NotFound", e.FullyQualifiedErrorId, StringComparison.Ordinal));
    }

    private static string[] Strings(object value) =>
        ((object[])value).Select(v => v is System.Management.Automation.PSObject p ? p.BaseObject : v).Cast<string>().ToArray();
}
