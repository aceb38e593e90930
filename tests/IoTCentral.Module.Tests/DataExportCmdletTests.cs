using System.Management.Automation;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Module.Tests;

/// <summary>
/// Get/New/Set/Remove-IoTCentralExportDestination and -Export against the emulator, whose webhook deliveries reach a
/// loopback listener (polled with a generous timeout: delivery runs in the background).
/// </summary>
public sealed class DataExportCmdletTests : DeviceDataTestBase
{
    private const string Secret = "module-export-secret-91c2";

    public DataExportCmdletTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void Destinations_and_exports_round_trip_and_no_secret_reaches_any_stream()
    {
        var hook = UniqueId("hook");
        var hub = UniqueId("hub");
        var adx = UniqueId("adx");
        var export = UniqueId("export");
        var result = Run(
            """
            $VerbosePreference = 'Continue'; $DebugPreference = 'Continue'
            New-IoTCentralExportDestination -Id $hook -Url http://127.0.0.1:9/iot -TokenUrl http://127.0.0.1:9/token -ClientId app -ClientSecret $secret -Header @{ 'x-key' = $secret; 'x-store' = 'Seattle' }
            New-IoTCentralExportDestination -Id $hub -Type EventHubs -ConnectionString $secret
            New-IoTCentralExportDestination -Id $adx -ClusterUrl https://c.kusto.windows.net -Database d -Table t -TenantId t -ClientId c -ClientSecret $secret
            New-IoTCentralExport -Id $export -Source properties -Destination $hook, @{ Id = $hub; Transform = '.' } -Enrichment @{ store = 'Seattle'; owner = @{ Target = $template; Path = 'owner' } }
            Set-IoTCentralExportDestination -Id $hub -ConnectionString $secret -DisplayName Hub -PassThru
            Get-IoTCentralExport -Id $export | Get-IoTCentralExportDestination
            Get-IoTCentralExportDestination -Id $hub | Get-IoTCentralExport
            Remove-IoTCentralExportDestination -Id $hub -Force
            Set-IoTCentralExport -Id $export -Destination $hook -Enrichment @{ store = 'Portland' } -Enabled $false -PassThru
            Remove-IoTCentralExportDestination -Id $hub -Force
            Remove-IoTCentralExport -Id $export -Force
            Get-IoTCentralExport -Id $export
            """,
            ("secret", Secrets.Protect(Secret)), ("hook", hook), ("hub", hub), ("adx", adx), ("export", export), ("template", PhoneTemplateId));

        Assert.DoesNotContain(Secret, result.AllText(), StringComparison.Ordinal);
        Assert.True(result.Output.Count == 9, $"{result.Output.Count} objects; errors: {string.Join("\n", result.Errors.Select(e => e.FullyQualifiedErrorId + " " + e))}; {result.TerminatingError}");
        var webhook = result.Output[0];
        Assert.Equal("IoTCentral.Models.ExportDestination", webhook.BaseObject.GetType().FullName);
        Assert.Equal("oauth", webhook.Properties["AuthorizationType"].Value);
        Assert.Equal(new[] { "x-key", "x-store" }, ((string[])webhook.Properties["HeaderNames"].Value).OrderBy(n => n));
        Assert.Equal("notDelivered", result.Output[1].Properties["Status"].Value);
        Assert.Equal("servicePrincipal", result.Output[2].Properties["AuthorizationType"].Value);

        var created = result.Output[3];
        Assert.Equal("IoTCentral.Models.DataExport", created.BaseObject.GetType().FullName);
        Assert.Equal("healthy", created.Properties["Status"].Value);
        Assert.Equal("Hub", result.Output[4].Properties["DisplayName"].Value);

        var targets = result.Output.Skip(5).Take(2).ToList();
        Assert.Equal(new[] { hook, hub }.OrderBy(i => i, StringComparer.Ordinal), targets.Select(t => (string)t.Properties["Id"].Value));
        Assert.Equal(".", targets.Single(t => (string)t.Properties["Id"].Value == hub).Properties["Transform"].Value);
        Assert.Equal(export, result.Output[7].Properties["Id"].Value);

        var changed = result.Output[8];
        Assert.Equal(false, changed.Properties["Enabled"].Value);
        Assert.Equal("disabled", changed.Properties["Status"].Value);
        var enrichment = PSObject.AsPSObject(Assert.Single((Array)changed.Properties["Enrichments"].Value));
        Assert.Equal("store", enrichment.Properties["Name"].Value);
        Assert.Equal("Portland", enrichment.Properties["Value"].Value);

        // The first removal of the hub fails (the export still used it); the lookup of the removed export fails.
        Assert.True(result.Errors.Count == 2, string.Join("\n", result.Errors.Select(e => e.FullyQualifiedErrorId)));
        Assert.Equal(ErrorCategory.ResourceBusy, result.Errors[0].CategoryInfo.Category);
        Assert.StartsWith("IoTCentral.DestinationInUse,", result.Errors[0].FullyQualifiedErrorId);
        Assert.StartsWith("IoTCentral.ExportNotFound,", result.Errors[1].FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, result.Errors[1].CategoryInfo.Category);
    }

    [Fact]
    public void A_malformed_filter_or_destination_is_refused_before_any_request()
    {
        var result = Run(
            """
            $VerbosePreference = 'Continue'
            New-IoTCentralExport -Id bad-filter -Source telemetry -Destination somewhere -Filter 'battery < 20'
            New-IoTCentralExport -Id bad-destination -Source telemetry -Destination @{ Transform = '.' }
            New-IoTCentralExportDestination -Id bad-blob -Type BlobStorage -ManagedIdentity -ContainerName c
            """);
        Assert.Empty(result.Output);
        Assert.False(SentAnyRequest(result));
        Assert.Equal(
            new[] { "IoTCentral.InvalidFilter", "IoTCentral.InvalidDestination", "IoTCentral.InvalidDestination" },
            result.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
        Assert.All(result.Errors, e => Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category));
    }

    [Fact]
    public async Task A_webhook_export_delivers_only_matching_telemetry_with_its_enrichments()
    {
        using var listener = new WebhookListener();
        var device = NewPhone(simulated: false);
        var hook = UniqueId("hook");
        var export = UniqueId("export");
        Run(
            """
            New-IoTCentralExportDestination -Id $hook -Url $url | Out-Null
            New-IoTCentralExport -Id $export -Source telemetry -Destination $hook -Enrichment @{ store = 'Seattle' } `
                -Filter "SELECT * FROM $template WHERE sensors.battery < 20 AND `$id = '$device'" | Out-Null
            """,
            ("hook", hook), ("export", export), ("url", listener.Url), ("template", PhoneTemplateId), ("device", device)).AssertNoErrors();
        try
        {
            var feed = FeedOf(device);
            feed.SendTelemetry("""{"component": "sensors", "values": {"battery": 80}}""");
            feed.SendTelemetry("""{"component": "sensors", "values": {"battery": 10}}""");

            var message = await listener.WaitForAsync(m => m["deviceId"]?.GetValue<string>() == device);
            Assert.Equal(10, message["telemetry"]!["battery"]!.GetValue<int>());
            Assert.Equal("Seattle", message["enrichments"]!["store"]!.GetValue<string>());
            Assert.Single(listener.Received, r => r.Body["deviceId"]?.GetValue<string>() == device);
        }
        finally
        {
            Run("Remove-IoTCentralExport -Id $export -Force; Remove-IoTCentralExportDestination -Id $hook -Force", ("export", export), ("hook", hook)).AssertNoErrors();
        }
    }

    [Fact]
    public void A_broken_webhook_shows_in_the_export_status_and_it_recovers()
    {
        using var listener = new WebhookListener { Status = 503 };
        var device = NewPhone(simulated: false);
        var hook = UniqueId("hook");
        var export = UniqueId("export");
        Run(
            """
            New-IoTCentralExportDestination -Id $hook -Url $url | Out-Null
            New-IoTCentralExport -Id $export -Source properties -Destination $hook -Filter "SELECT * FROM $template WHERE `$id = '$device'" | Out-Null
            """,
            ("hook", hook), ("export", export), ("url", listener.Url), ("template", PhoneTemplateId), ("device", device)).AssertNoErrors();
        try
        {
            var feed = FeedOf(device);
            feed.ReportProperties("""{"component": "device_info", "values": {"manufacturer": "Contoso"}}""");
            var broken = WaitForStatus(export, "error");
            Assert.Equal("error", broken.Properties["Status"].Value);
            var error = PSObject.AsPSObject(Assert.Single((Array)broken.Properties["Errors"].Value));
            Assert.Contains("503", (string)error.Properties["Message"].Value, StringComparison.Ordinal);

            listener.Status = 200;
            feed.ReportProperties("""{"component": "device_info", "values": {"manufacturer": "Fabrikam"}}""");
            var healed = WaitForStatus(export, "healthy");
            Assert.Equal("healthy", healed.Properties["Status"].Value);
            Assert.Empty((Array)healed.Properties["Errors"].Value);
            Assert.NotNull(healed.Properties["LastExportTime"].Value);
        }
        finally
        {
            Run("Remove-IoTCentralExport -Id $export -Force; Remove-IoTCentralExportDestination -Id $hook -Force", ("export", export), ("hook", hook)).AssertNoErrors();
        }
    }

    /// <summary>Reads the export until it has the status (generously: deliveries retry in the background); returns the last read.</summary>
    private PSObject WaitForStatus(string export, string status)
    {
        var result = Run(
            """
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            do { $e = Get-IoTCentralExport -Id $export; if ($e.Status -eq $status) { break }; [System.Threading.Thread]::Sleep(200) } while ([DateTime]::UtcNow -lt $deadline)
            $e
            """,
            ("export", export), ("status", status));
        result.AssertNoErrors();
        return result.Output.Single();
    }
}
