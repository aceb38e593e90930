using System.Collections;
using System.Management.Automation;
using IoTCentral.Emulator;

namespace IoTCentral.Module.Tests;

/// <summary>
/// Bulk work with -ThrottleLimit against an emulator that throttles and injects faults: requests run at once, yet
/// every item ends up done exactly once or reported failed under its own id, output keeps the input order, and
/// Write-Progress shows how far the command is.
/// </summary>
public sealed class BulkTests
{
    // 20% of requests fail (4% each of 429, 500, 503, reset after the work, body cut off after the work).
    private const string Faults = "seed=7,429=0.04,500=0.04,503=0.04,reset=0.04,truncate=0.04";

    [Fact]
    public async Task Creating_1000_devices_concurrently_through_faults_ends_with_exactly_1000_and_reports_each_failure_for_its_item()
    {
        // The service's real limit is 20 requests/s, which would make 1,000 creates take over a minute here; the
        // benchmark (bench/) runs at 20. The emulator enforces 100/s and the session paces itself just under it.
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { RateLimit = 100, Faults = Faults });
        using var shell = new PowerShellHost();
        var ids = Enumerable.Range(0, 1000).Select(i => $"bulk-{i:D4}").ToArray();
        var vars = new Hashtable { ["url"] = server.ApplicationUrl.ToString(), ["token"] = Secrets.Protect(server.AdminApiToken), ["ids"] = ids };

        // One retry only, so that some items do fail for good and the test sees how they are reported.
        var created = shell.Run(
            "Connect-IoTCentral -ApplicationUrl $url -ApiToken $token -MaxRequestsPerSecond 90 -MaxRetries 1 | Out-Null; " +
            "$ids | New-IoTCentralDevice -ThrottleLimit 16 -WarningAction SilentlyContinue",
            vars);

        Assert.Null(created.TerminatingError);
        var succeeded = created.Output.Select(d => (string)d.Properties["Id"].Value).ToList();
        var failedIds = created.Errors.Select(e => Assert.IsType<string>(e.TargetObject)).ToList();
        Assert.NotEmpty(failedIds);
        Assert.All(created.Errors, e => Assert.StartsWith("IoTCentral.", e.FullyQualifiedErrorId));
        Assert.Equal(failedIds.Count, failedIds.Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(succeeded.Intersect(failedIds, StringComparer.Ordinal));
        Assert.Equal(ids, succeeded.Concat(failedIds).Order(StringComparer.Ordinal));
        Assert.Equal(ids.Except(failedIds), succeeded); // in input order
        Assert.NotEmpty(created.Progress);
        Assert.Equal(ProgressRecordType.Completed, created.Progress[^1].RecordType);

        // A failed item is safe to send again: a create that took effect before its answer was lost is a replace.
        vars["failed"] = failedIds.ToArray();
        var retried = shell.Run("$failed | New-IoTCentralDevice -ThrottleLimit 16 -WarningAction SilentlyContinue | Out-Null", vars);
        Assert.Null(retried.TerminatingError);
        var stillFailed = retried.Errors.Select(e => (string)e.TargetObject).ToArray();
        if (stillFailed.Length > 0)
        {
            vars["failed"] = stillFailed;
            shell.Run("Connect-IoTCentral -ApplicationUrl $url -ApiToken $token -MaxRequestsPerSecond 90 | Out-Null; $failed | New-IoTCentralDevice | Out-Null", vars)
                .AssertNoErrors();
        }

        var listed = shell.Run("Get-IoTCentralDevice | ForEach-Object Id", vars);
        listed.AssertNoErrors();
        var listedIds = listed.Output.Select(o => (string)o.BaseObject).ToList();
        Assert.Equal(1000, listedIds.Count);
        Assert.Equal(ids, listedIds.Order(StringComparer.Ordinal)); // exactly these, no duplicates

        var load = server.Load;
        Assert.True(load.Throttled > 0 && load.ServerErrors > 0 && load.Unavailable > 0 && load.Resets > 0 && load.Truncations > 0,
            $"throttled {load.Throttled}, 500 {load.ServerErrors}, 503 {load.Unavailable}, resets {load.Resets}, truncations {load.Truncations}");
    }

    [Fact]
    public async Task Update_and_remove_run_concurrently_and_report_a_missing_device_under_its_own_id()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions());
        using var shell = new PowerShellHost();
        var ids = Enumerable.Range(0, 40).Select(i => $"dev-{i:D2}").ToArray();
        var vars = new Hashtable { ["url"] = server.ApplicationUrl.ToString(), ["token"] = Secrets.Protect(server.AdminApiToken), ["ids"] = ids };
        shell.Run("Connect-IoTCentral -ApplicationUrl $url -ApiToken $token | Out-Null; $ids | New-IoTCentralDevice -ThrottleLimit 8 | Out-Null", vars).AssertNoErrors();

        var withMissing = ids.Take(20).Append("missing-device").Concat(ids.Skip(20)).ToArray();
        vars["ids"] = withMissing;
        var updated = shell.Run("$ids | Set-IoTCentralDevice -DisplayName changed -PassThru -ThrottleLimit 8 | ForEach-Object Id", vars);

        Assert.Null(updated.TerminatingError);
        Assert.Equal(ids, updated.Output.Select(o => (string)o.BaseObject));
        Assert.True(updated.Errors.Count == 1, updated.AllText());
        var error = Assert.Single(updated.Errors);
        Assert.Equal("missing-device", error.TargetObject);
        Assert.Equal("IoTCentral.DeviceNotFound,IoTCentral.Commands.Device.SetIoTCentralDeviceCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);

        var removed = shell.Run("$ids | Remove-IoTCentralDevice -Force -ThrottleLimit 8", vars);
        Assert.Empty(removed.Output);
        Assert.Equal("missing-device", Assert.Single(removed.Errors).TargetObject);
        var left = shell.Run("@(Get-IoTCentralDevice).Count", vars);
        Assert.Equal(0, (int)left.Output.Single().BaseObject);
    }
}
