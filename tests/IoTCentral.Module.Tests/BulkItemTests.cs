using System.Collections;
using System.Management.Automation;
using IoTCentral.Emulator;

namespace IoTCentral.Module.Tests;

/// <summary>
/// -ThrottleLimit on the bulk cmdlets beyond devices (properties, commands, users, API tokens), and the items-so-far
/// progress of paged listings: many requests at once, yet each item's outcome and error stay its own.
/// </summary>
public sealed class BulkItemTests
{
    private const string Faults = "seed=11,429=0.04,500=0.04,503=0.04,reset=0.04,truncate=0.04";

    private static readonly string PhoneTemplatePath = Path.Combine(TestPaths.Docs, "examples", "templates", "phone-as-a-device.json");

    [Fact]
    public async Task Setting_properties_of_200_devices_concurrently_through_faults_reports_each_outcome_for_its_own_device()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { Faults = Faults });
        using var shell = new PowerShellHost();
        var ids = Enumerable.Range(0, 200).Select(i => $"prop-{i:D3}").ToArray();
        var vars = new Hashtable
        {
            ["url"] = server.ApplicationUrl.ToString(), ["token"] = Secrets.Protect(server.AdminApiToken), ["ids"] = ids, ["path"] = PhoneTemplatePath,
        };

        // Setup with many retries, so that the faults only matter for the step under test.
        shell.Run(
            "Connect-IoTCentral -ApplicationUrl $url -ApiToken $token -MaxRetries 8 | Out-Null; " +
            "$template = New-IoTCentralDeviceTemplate -Path $path -WarningAction SilentlyContinue; " +
            "$ids | New-IoTCentralDevice -Template $template.Id -ThrottleLimit 16 -WarningAction SilentlyContinue | Out-Null",
            vars).AssertNoErrors();

        var set = shell.Run(
            "Connect-IoTCentral -ApplicationUrl $url -ApiToken $token -MaxRetries 1 | Out-Null; " +
            "$ids | Set-IoTCentralDeviceProperty -Value @{ telemetryInterval = 42 } -PassThru -ThrottleLimit 16 -WarningAction SilentlyContinue",
            vars);

        Assert.Null(set.TerminatingError);
        var succeeded = set.Output.Select(s => (string)s.Properties["DeviceId"].Value).ToList();
        Assert.All(set.Output, s => Assert.Equal(42L, s.Properties["DesiredValue"].Value));
        var failed = set.Errors.Select(e => Assert.IsType<string>(e.TargetObject)).ToList();
        Assert.NotEmpty(failed);
        Assert.All(set.Errors, e => Assert.StartsWith("IoTCentral.", e.FullyQualifiedErrorId));
        Assert.Equal(failed.Count, failed.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(succeeded.Count, succeeded.Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(succeeded.Intersect(failed, StringComparer.Ordinal));
        Assert.Equal(ids.Except(failed), succeeded); // every other item succeeded, in input order
        Assert.NotEmpty(set.Progress);
        Assert.Equal(ProgressRecordType.Completed, set.Progress[^1].RecordType);

        // What each success reported is what the service now holds as desired (the devices are not connected, so
        // nothing acknowledges it).
        vars["succeeded"] = succeeded.ToArray();
        var read = shell.Run(
            "Connect-IoTCentral -ApplicationUrl $url -ApiToken $token -MaxRetries 8 | Out-Null; " +
            "$succeeded | ForEach-Object { ((Get-IoTCentralDeviceProperty -DeviceId $_ -WarningAction SilentlyContinue).'$metadata' | Where-Object Name -eq telemetryInterval).DesiredValue }",
            vars);
        read.AssertNoErrors();
        Assert.Equal(succeeded.Count, read.Output.Count);
        Assert.All(read.Output, o => Assert.Equal(42L, Convert.ToInt64(o.BaseObject)));
        Assert.True(server.Load.Throttled > 0 && server.Load.ServerErrors > 0, "faults were injected");
    }

    [Fact]
    public async Task Commands_run_concurrently_answer_in_input_order_and_a_missing_device_fails_alone()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions());
        using var shell = new PowerShellHost();
        var ids = Enumerable.Range(0, 12).Select(i => $"cmd-{i:D2}").ToArray();
        var vars = new Hashtable
        {
            ["url"] = server.ApplicationUrl.ToString(), ["token"] = Secrets.Protect(server.AdminApiToken), ["ids"] = ids, ["path"] = PhoneTemplatePath,
        };
        shell.Run(
            "Connect-IoTCentral -ApplicationUrl $url -ApiToken $token | Out-Null; " +
            "$template = New-IoTCentralDeviceTemplate -Path $path; $ids | New-IoTCentralDevice -Template $template.Id -Simulated | Out-Null",
            vars).AssertNoErrors();

        vars["ids"] = ids.Take(6).Append("no-such-device").Concat(ids.Skip(6)).ToArray();
        var run = shell.Run("$ids | Invoke-IoTCentralCommand -Name lightOn -Request @{ duration = 1; delay = 0; pulses = 1 } -ThrottleLimit 6", vars);

        Assert.Null(run.TerminatingError);
        Assert.Equal(ids, run.Output.Select(r => (string)r.Properties["DeviceId"].Value));
        Assert.All(run.Output, r => Assert.Equal(200, r.Properties["ResponseCode"].Value));
        var error = Assert.Single(run.Errors);
        Assert.Equal("no-such-device", error.TargetObject);
        Assert.Equal("IoTCentral.DeviceNotFound,IoTCentral.Commands.Command.InvokeIoTCentralCommandCommand", error.FullyQualifiedErrorId);
    }

    [Fact]
    public async Task Users_and_api_tokens_are_created_changed_and_removed_concurrently_with_errors_for_their_own_ids()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions());
        using var shell = new PowerShellHost();
        var emails = Enumerable.Range(0, 30).Select(i => $"user{i:D2}@contoso.com").ToArray();
        var vars = new Hashtable { ["url"] = server.ApplicationUrl.ToString(), ["token"] = Secrets.Protect(server.AdminApiToken), ["emails"] = emails };
        shell.Run("Connect-IoTCentral -ApplicationUrl $url -ApiToken $token | Out-Null", vars).AssertNoErrors();

        var created = shell.Run("$emails | ForEach-Object { [pscustomobject]@{ Email = $_; Role = 'Operator' } } | New-IoTCentralUser -ThrottleLimit 8", vars);
        created.AssertNoErrors();
        Assert.Equal(emails, created.Output.Select(u => (string)u.Properties["Email"].Value));
        var userIds = created.Output.Select(u => (string)u.Properties["Id"].Value).ToArray();

        vars["userIds"] = userIds.Take(10).Append("00000000-0000-0000-0000-00000000abcd").Concat(userIds.Skip(10)).ToArray();
        var updated = shell.Run("$userIds | ForEach-Object { [pscustomobject]@{ Id = $_ } } | Set-IoTCentralUser -Role Builder -PassThru -ThrottleLimit 8", vars);
        Assert.Equal(userIds, updated.Output.Select(u => (string)u.Properties["Id"].Value));
        var missingUser = Assert.Single(updated.Errors);
        Assert.Equal("00000000-0000-0000-0000-00000000abcd", missingUser.TargetObject);
        Assert.Equal("IoTCentral.UserNotFound,IoTCentral.Commands.User.SetIoTCentralUserCommand", missingUser.FullyQualifiedErrorId);

        var removed = shell.Run("$userIds | ForEach-Object { [pscustomobject]@{ Id = $_ } } | Remove-IoTCentralUser -Force -ThrottleLimit 8", vars);
        Assert.Empty(removed.Output);
        Assert.Equal("00000000-0000-0000-0000-00000000abcd", Assert.Single(removed.Errors).TargetObject);
        Assert.Equal(0, (int)shell.Run("@(Get-IoTCentralUser | Where-Object Email -like 'user*@contoso.com').Count", vars).Output.Single().BaseObject);

        var tokenIds = Enumerable.Range(0, 10).Select(i => $"bulk-token-{i}").ToArray();
        vars["tokenIds"] = tokenIds;
        shell.Run("$tokenIds | ForEach-Object { New-IoTCentralApiToken -Id $_ -Role Operator } | Out-Null", vars).AssertNoErrors();
        vars["tokenIds"] = tokenIds.Take(5).Append("never-made").Concat(tokenIds.Skip(5)).ToArray();
        var revoked = shell.Run("$tokenIds | ForEach-Object { [pscustomobject]@{ Id = $_ } } | Remove-IoTCentralApiToken -Force -ThrottleLimit 4", vars);
        Assert.Empty(revoked.Output);
        var missingToken = Assert.Single(revoked.Errors);
        Assert.Equal("never-made", missingToken.TargetObject);
        Assert.Equal(ErrorCategory.ObjectNotFound, missingToken.CategoryInfo.Category);
        var left = shell.Run("Get-IoTCentralApiToken | Where-Object Id -like 'bulk-token-*'", vars);
        Assert.Empty(left.Output);
    }

    [Fact]
    public async Task A_listing_of_many_pages_shows_the_items_read_so_far_and_completes_its_progress()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { PageSize = 10 });
        using var shell = new PowerShellHost();
        var vars = new Hashtable { ["url"] = server.ApplicationUrl.ToString(), ["token"] = Secrets.Protect(server.AdminApiToken) };
        shell.Run("Connect-IoTCentral -ApplicationUrl $url -ApiToken $token | Out-Null; 1..35 | ForEach-Object { 'list-{0:D2}' -f $_ } | New-IoTCentralDevice | Out-Null", vars)
            .AssertNoErrors();

        var listed = shell.Run("Get-IoTCentralDevice", vars);

        listed.AssertNoErrors();
        Assert.Equal(35, listed.Output.Count);
        var bars = listed.Progress.Where(p => p.Activity == "Get-IoTCentralDevice: reading pages").ToList();
        Assert.True(bars.Count >= 2, string.Join("; ", listed.Progress.Select(p => p.Activity + ": " + p.StatusDescription)));
        Assert.Equal("10 read so far", bars[0].StatusDescription);
        Assert.All(bars, p => Assert.Equal(-1, p.PercentComplete)); // the total is not known
        Assert.All(bars.SkipLast(1), p => Assert.Equal(ProgressRecordType.Processing, p.RecordType));
        Assert.Equal(ProgressRecordType.Completed, bars[^1].RecordType);
        Assert.Equal("35 read", bars[^1].StatusDescription);

        // One page needs no bar.
        var one = shell.Run("Get-IoTCentralRole", vars);
        one.AssertNoErrors();
        Assert.Empty(one.Progress);
    }
}
