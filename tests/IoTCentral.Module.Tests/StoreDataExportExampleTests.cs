using IoTCentral.Emulator.Tests.Infrastructure;

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
        var variables = AdminVariables;
        variables["authorization"] = Secrets.Protect(Authorization);
        var result = Shell.Run(
            $"$VerbosePreference = 'Continue'; & '{Script}' -ApplicationUrl $url -ApiToken $adminToken -WebhookAuthorization $authorization -Prefix {prefix} -Cleanup",
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

    [Fact]
    public async Task With_a_webhook_url_the_example_sends_there_and_reads_nothing_itself()
    {
        using var listener = new WebhookListener();
        var prefix = UniqueId("stores");
        var variables = AdminVariables;
        variables["authorization"] = Secrets.Protect(Authorization);
        variables["hook"] = listener.Url;
        var result = Shell.Run($"& '{Script}' -ApplicationUrl $url -ApiToken $adminToken -WebhookUrl $hook -WebhookAuthorization $authorization -Prefix {prefix}", variables);
        try
        {
            result.AssertNoErrors();
            var summary = Assert.Single(result.Output);
            Assert.Null(summary.Properties["MessagesReceived"].Value);
            Assert.Null(summary.Properties["DevicesSeen"].Value);
            Assert.Equal(false, summary.Properties["CleanedUp"].Value);

            // The export keeps sending to the caller's endpoint after the script ended, with the header it was given.
            var message = await listener.WaitForAsync(m => m["deviceId"]?.GetValue<string>() == prefix + "-portland-floor");
            Assert.Equal("Portland", message["enrichments"]!["store"]!.GetValue<string>());
            Assert.Contains(listener.Received, r => r.Authorization == Authorization);
            Assert.DoesNotContain(listener.Received, r => r.Body["deviceId"]?.GetValue<string>() == prefix + "-seattle-stockroom");
            Assert.DoesNotContain(Authorization, result.AllText(), StringComparison.Ordinal);
        }
        finally
        {
            RunWith(
                "Remove-IoTCentralExport -Id $export -Force; Remove-IoTCentralExportDestination -Id $destination -Force; Get-IoTCentralDevice | Where-Object Id -like $devices | Remove-IoTCentralDevice -Force",
                ("export", prefix + "-floor-telemetry"), ("destination", prefix + "-analytics"), ("devices", prefix + "-*")).AssertNoErrors();
        }
    }

    [Fact]
    public void Against_an_application_elsewhere_without_a_webhook_url_the_example_stops_before_signing_in()
    {
        var prefix = UniqueId("stores");
        var result = Shell.Run(
            $"& '{Script}' -ApplicationUrl https://contoso.azureiotcentral.com -ApiToken $adminToken -Prefix {prefix}",
            AdminVariables);
        Assert.Empty(result.Output);
        Assert.NotNull(result.TerminatingError);
        Assert.Contains("-WebhookUrl", result.TerminatingError!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Emulator.Server.AdminApiToken, result.AllText(), StringComparison.Ordinal);
    }

    private static string Script => Path.Combine(TestPaths.RepoRoot, "docs", "examples", "store-data-export.ps1");

    private static string[] Strings(object value) =>
        ((object[])value).Select(v => v is System.Management.Automation.PSObject p ? p.BaseObject : v).Cast<string>().ToArray();
}
