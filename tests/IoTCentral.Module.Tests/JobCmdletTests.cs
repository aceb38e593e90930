using System.Management.Automation;

namespace IoTCentral.Module.Tests;

/// <summary>
/// New-/Get-/Stop-/Resume-/Wait-IoTCentralJob and Get-IoTCentralJobDevice against the emulator, whose jobs run one
/// batch per second of real time here; Wait-IoTCentralJob polls until they end, so no assertion depends on timing.
/// </summary>
public sealed class JobCmdletTests : DeviceDataTestBase
{
    public JobCmdletTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    /// <summary>A group of the given devices only, so tests sharing the emulator do not see each other's devices.</summary>
    private string GroupOf(params string[] deviceIds)
    {
        var id = UniqueId("group");
        var filter = "$id IN [" + string.Join(", ", deviceIds.Select(d => "'" + d + "'")) + "]";
        Run("New-IoTCentralDeviceGroup -Id $id -DisplayName $id -Filter $filter | Out-Null", ("id", id), ("filter", filter)).AssertNoErrors();
        return id;
    }

    [Fact]
    public void A_property_job_built_from_a_hashtable_changes_simulated_devices_and_Wait_reports_progress()
    {
        var simulated = NewPhone(simulated: true);
        var offline = NewPhone(simulated: false);
        var group = GroupOf(simulated, offline);
        var result = Run(
            """
            $job = New-IoTCentralJob -Group $group -Template $template -Property @{ telemetryInterval = 42 } -Batch 1 -DisplayName 'Slow down'
            $job
            $done = $job | Wait-IoTCentralJob -PollInterval 0.2 -Timeout 120
            $done
            (Get-IoTCentralDeviceProperty -DeviceId $simulated).telemetryInterval
            Get-IoTCentralJobDevice -Id $job.Id -Status failed
            """,
            ("group", group), ("template", PhoneTemplateId), ("simulated", simulated));
        result.AssertNoErrors();
        var started = result.Output[0];
        Assert.Equal("IoTCentral.Models.Job", started.BaseObject.GetType().FullName);
        Assert.Equal("running", started.Properties["Status"].Value);
        Assert.True(Guid.TryParse((string)started.Properties["Id"].Value, out _), "a job without -Id gets a GUID");
        var data = PSObject.AsPSObject(Assert.Single(((System.Collections.IEnumerable)started.Properties["Data"].Value).Cast<object>()));
        Assert.Equal(("property", PhoneTemplateId, "telemetryInterval", (object)42L),
            ((string)data.Properties["Type"].Value, (string)data.Properties["Target"].Value, (string)data.Properties["Path"].Value, data.Properties["Value"].Value));
        Assert.Equal("1", started.Properties["Batch"].Value.ToString());

        var finished = result.Output[1];
        var id = (string)finished.Properties["Id"].Value;
        Assert.Equal("failed", finished.Properties["Status"].Value);
        Assert.Equal("2/2 (1 failed)", finished.Properties["Progress"].Value.ToString());
        var progress = PSObject.AsPSObject(finished.Properties["Progress"].Value);
        Assert.Equal(new object[] { 2, 0, 1, 1 }, new[] { "Total", "Pending", "Completed", "Failed" }.Select(n => progress.Properties[n].Value));
        Assert.NotNull(finished.Properties["End"].Value);
        Assert.Equal(42L, result.Output[2].BaseObject);
        var failed = Assert.Single(result.Output.Skip(3));
        Assert.Equal("IoTCentral.Models.JobDeviceStatus", failed.BaseObject.GetType().FullName);
        Assert.Equal(new object[] { id, offline, "failed" }, new[] { "JobId", "DeviceId", "Status" }.Select(n => failed.Properties[n].Value));

        Assert.Contains(result.Progress, p => p.Activity.Contains(id) && p.StatusDescription.Contains("of 2 devices"));
        Assert.Contains(result.Progress, p => p.RecordType == ProgressRecordType.Completed);
    }

    [Fact]
    public void Command_cloud_property_and_migration_jobs_run_and_Rerun_takes_the_failed_devices()
    {
        var simulated = NewPhone(simulated: true);
        var offline = NewPhone(simulated: false);
        var group = GroupOf(simulated, offline);
        var result = Run(
            """
            $command = New-IoTCentralJob -Group $group -Template $template -Command lightOn -Request @{ duration = 1; delay = 0; pulses = 2 } -Id "$group-cmd"
            $cloud = New-IoTCentralJob -Group $group -Template $template -CloudProperty @{ owner = 'Ops' }
            ($command, $cloud | Wait-IoTCentralJob -PollInterval 0.2 -Timeout 120).Status
            (Get-IoTCentralCommandHistory -DeviceId $simulated -Name lightOn | Select-First 1).Request.pulses
            (Get-IoTCentralDeviceProperty -DeviceId $offline).owner
            $again = New-IoTCentralJob -Rerun "$group-cmd" -Id "$group-again"
            $again.Id
            (Get-IoTCentralJobDevice -Id $again.Id).DeviceId
            """,
            ("group", group), ("template", PhoneTemplateId), ("simulated", simulated), ("offline", offline));
        result.AssertNoErrors();
        Assert.Equal(new object[] { "failed", "completed", 2L, "Ops", $"{group}-again", offline }, result.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void Stop_and_Resume_with_PassThru_and_a_rerun_without_failures_is_a_conflict()
    {
        var devices = Enumerable.Range(0, 3).Select(_ => NewPhone(simulated: true)).ToArray();
        var group = GroupOf(devices);
        var result = Run(
            """
            $job = New-IoTCentralJob -Group $group -MigrateToTemplate $template -Batch 1 -CancellationThreshold 50% -CancellationPerBatch
            ($job | Stop-IoTCentralJob -PassThru).Status
            ($job | Resume-IoTCentralJob -PassThru).Status
            ($job | Wait-IoTCentralJob -PollInterval 0.2 -Timeout 120).Status
            $job | Stop-IoTCentralJob
            New-IoTCentralJob -Rerun $job.Id
            'after'
            """,
            ("group", group), ("template", PhoneTemplateId));
        Assert.Equal(new object[] { "stopped", "running", "completed", "after" }, result.Output.Select(o => o.BaseObject));
        Assert.True(result.Errors.Count == 2, string.Join("\n", result.Errors.Select(e => e.FullyQualifiedErrorId + " " + e.ErrorDetails?.Message)));
        Assert.StartsWith("IoTCentral.JobNotRunning,", result.Errors[0].FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, result.Errors[0].CategoryInfo.Category);
        Assert.StartsWith("IoTCentral.JobHasNoFailedDevices,", result.Errors[1].FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, result.Errors[1].CategoryInfo.Category);
        Assert.Contains("no failed devices", result.Errors[1].ErrorDetails.Message);
    }

    [Fact]
    public void Bad_input_fails_before_any_request_and_service_refusals_are_clear()
    {
        var empty = GroupOf("no-such-device");
        var local = Run("New-IoTCentralJob -Group g -Template $template -Property @{ a = 1 } -Batch 0 -Verbose", ("template", PhoneTemplateId));
        Assert.StartsWith("IoTCentral.InvalidJobData,", local.TerminatingRecord!.FullyQualifiedErrorId);
        Assert.False(SentAnyRequest(local));
        var perBatch = Run("New-IoTCentralJob -Group g -Template $template -Property @{ a = 1 } -CancellationPerBatch", ("template", PhoneTemplateId));
        Assert.StartsWith("IoTCentral.InvalidJobData,", perBatch.TerminatingRecord!.FullyQualifiedErrorId);

        var result = Run(
            """
            New-IoTCentralJob -Group $empty -Template $template -Property @{ telemetryInterval = 1 }
            New-IoTCentralJob -Group no-such-group -Template $template -Property @{ telemetryInterval = 1 }
            Get-IoTCentralJob -Id no-such-job
            Wait-IoTCentralJob -Id no-such-job
            New-IoTCentralJob -Group $empty -Template $template -Property @{ telemetryInterval = 1 } -WhatIf
            'after'
            """,
            ("empty", empty), ("template", PhoneTemplateId));
        Assert.Equal("after", Assert.Single(result.Output).BaseObject);
        Assert.Equal(4, result.Errors.Count);
        Assert.StartsWith("IoTCentral.JobHasNoDevices,", result.Errors[0].FullyQualifiedErrorId);
        Assert.StartsWith("IoTCentral.DeviceGroupNotFound,", result.Errors[1].FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, result.Errors[1].CategoryInfo.Category);
        Assert.All(result.Errors.Skip(2), e => Assert.StartsWith("IoTCentral.JobNotFound,", e.FullyQualifiedErrorId));
    }

    [Fact]
    public void Wait_times_out_with_a_non_terminating_error_and_a_piped_group_names_the_job_group()
    {
        var devices = Enumerable.Range(0, 2).Select(_ => NewPhone(simulated: true)).ToArray();
        var group = GroupOf(devices);
        var result = Run(
            """
            $job = Get-IoTCentralDeviceGroup -Id $group | New-IoTCentralJob -Template $template -Property @{ telemetryInterval = 7 } -Batch 1
            $job.Group
            $job | Stop-IoTCentralJob
            $job | Wait-IoTCentralJob -Timeout 1 -PollInterval 0.2
            ($job | Wait-IoTCentralJob -UntilStopped -PollInterval 0.2).Status
            """,
            ("group", group), ("template", PhoneTemplateId));
        Assert.Equal(new object[] { group, "stopped" }, result.Output.Select(o => o.BaseObject));
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("IoTCentral.JobTimeout,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
    }
}
