using System.Collections;
using System.Management.Automation;
using IoTCentral.Emulator;

namespace IoTCentral.Module.Tests;

/// <summary>
/// Bulk work through an emulator that injects faults: every create, update and delete takes effect exactly once and is
/// reported as a success, because the module retries what is safe to repeat and reads a lost answer's outcome right.
/// </summary>
public sealed class FaultToleranceTests : IClassFixture<FaultyEmulatorFixture>, IDisposable
{
    private readonly FaultyEmulatorFixture emulator;
    private readonly PowerShellHost shell = new();

    public FaultToleranceTests(FaultyEmulatorFixture emulator)
    {
        this.emulator = emulator;
        shell.Run("Connect-IoTCentral -ApplicationUrl $url -ApiToken $token | Out-Null", Vars()).AssertNoErrors();
    }

    public void Dispose() => shell.Dispose();

    [Fact]
    public void Bulk_creates_updates_and_deletes_through_faults_all_take_effect_and_report_success()
    {
        var ids = Enumerable.Range(0, 300).Select(i => $"bulk-{i:D3}").ToArray();
        var vars = Vars();
        vars["ids"] = ids;

        var created = shell.Run("@($ids | ForEach-Object { New-IoTCentralDevice -Id $_ -DisplayName 'new' }).Count", vars);
        created.AssertNoErrors();
        Assert.Equal(300, (int)created.Output.Single().BaseObject);

        var updated = shell.Run("$ids | ForEach-Object { Set-IoTCentralDevice -Id $_ -DisplayName \"updated $_\" }", vars);
        updated.AssertNoErrors();
        var listed = ListBulkDevices();
        Assert.Equal(ids, listed.Keys.Order(StringComparer.Ordinal));
        Assert.All(listed, device => Assert.Equal("updated " + device.Key, device.Value));

        var removed = shell.Run("$ids[0..149] | ForEach-Object { Remove-IoTCentralDevice -Id $_ -Force }", vars);
        removed.AssertNoErrors();
        Assert.Equal(ids.Skip(150), ListBulkDevices().Keys.Order(StringComparer.Ordinal));

        // The faults did happen: each retry rule had work to do.
        var load = emulator.Server.Load;
        Assert.True(load.Throttled > 0 && load.ServerErrors > 0 && load.Unavailable > 0 && load.Resets > 0 && load.Truncations > 0 && load.Delays > 0,
            $"throttled {load.Throttled}, 500 {load.ServerErrors}, 503 {load.Unavailable}, resets {load.Resets}, truncations {load.Truncations}, delays {load.Delays}");
        Assert.NotEmpty(updated.Warnings.Concat(created.Warnings).Concat(removed.Warnings));
    }

    private Dictionary<string, string> ListBulkDevices()
    {
        var result = shell.Run("Get-IoTCentralDevice | Where-Object Id -like 'bulk-*'");
        result.AssertNoErrors();
        return result.Output.ToDictionary(d => (string)d.Properties["Id"].Value, d => (string)d.Properties["DisplayName"].Value);
    }

    private Hashtable Vars() => new() { ["url"] = emulator.ApplicationUrl, ["token"] = Secrets.Protect(emulator.Server.AdminApiToken) };
}
