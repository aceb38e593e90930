using System.Management.Automation;

namespace IoTCentral.Module.Tests;

/// <summary>
/// New-/Get-/Set-/Remove-IoTCentralScheduledJob and Get-IoTCentralScheduledJobRun against the emulator (real clock):
/// schedules start tomorrow unless the test wants a run, in which case the start has already come.
/// </summary>
public sealed class ScheduledJobCmdletTests : DeviceDataTestBase
{
    public ScheduledJobCmdletTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    private string GroupOf(string deviceId)
    {
        var id = UniqueId("group");
        Run("New-IoTCentralDeviceGroup -Id $id -DisplayName $id -Filter $filter | Out-Null", ("id", id), ("filter", "$id = '" + deviceId + "'")).AssertNoErrors();
        return id;
    }

    [Fact]
    public void A_scheduled_job_is_created_read_changed_with_its_etag_and_removed()
    {
        var group = GroupOf(NewPhone(simulated: true));
        var id = UniqueId("sched");
        var result = Run(
            """
            $start = [DateTimeOffset]::new(2031, 1, 31, 2, 0, 0, [TimeSpan]::Zero)
            $created = New-IoTCentralScheduledJob -Id $id -Group $group -Template $template -Property @{ telemetryInterval = 5 } -Start $start -Recurrence monthly -Occurrences 3 -DisplayName Monthly
            $created
            Get-IoTCentralScheduledJob | Where-Object Id -eq $id
            Set-IoTCentralScheduledJob -Id $id -ETag $created.ETag -Enabled $false -EndDate ([datetime]'2031-06-30') -PassThru
            Set-IoTCentralScheduledJob -Id $id -ETag $created.ETag -DisplayName Stale
            Get-IoTCentralScheduledJob -Id $id | Remove-IoTCentralScheduledJob -Force
            Get-IoTCentralScheduledJob -Id $id
            """,
            ("id", id), ("group", group), ("template", PhoneTemplateId));

        var created = result.Output[0];
        Assert.Equal("IoTCentral.Models.ScheduledJob", created.BaseObject.GetType().FullName);
        Assert.Equal("monthly from 2031-01-31 02:00:00Z, 3 times", created.Properties["Schedule"].Value.ToString());
        Assert.Equal(true, created.Properties["Enabled"].Value);
        Assert.Equal(false, created.Properties["Completed"].Value);
        Assert.Equal(id, result.Output[1].Properties["Id"].Value);

        var changed = result.Output[2];
        Assert.Equal(false, changed.Properties["Enabled"].Value);
        Assert.Equal("monthly from 2031-01-31 02:00:00Z until 2031-06-30", changed.Properties["Schedule"].Value.ToString());
        Assert.Equal(3, result.Output.Count);

        Assert.True(result.Errors.Count == 2, string.Join("\n", result.Errors.Select(e => e.FullyQualifiedErrorId)));
        Assert.StartsWith("IoTCentral.ScheduledJobPreconditionFailed,", result.Errors[0].FullyQualifiedErrorId);
        Assert.StartsWith("IoTCentral.ScheduledJobNotFound,", result.Errors[1].FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, result.Errors[1].CategoryInfo.Category);
    }

    [Fact]
    public void A_schedule_whose_start_has_come_produces_a_job_that_runs()
    {
        var simulated = NewPhone(simulated: true);
        var group = GroupOf(simulated);
        var id = UniqueId("sched");
        var result = Run(
            """
            New-IoTCentralScheduledJob -Id $id -Group $group -Template $template -Command lightOn -Request @{ duration = 1; delay = 0; pulses = 2 } -Start ([DateTimeOffset]::UtcNow.AddMinutes(-1)) | Out-Null
            $runs = @(Get-IoTCentralScheduledJob -Id $id | Get-IoTCentralScheduledJobRun)
            $runs.Count
            $runs[0] | Wait-IoTCentralJob -PollInterval 0.2 -Timeout 120
            (Get-IoTCentralScheduledJob -Id $id).Completed
            """,
            ("id", id), ("group", group), ("template", PhoneTemplateId));
        result.AssertNoErrors();
        Assert.Equal(1, result.Output[0].BaseObject);
        var job = result.Output[1];
        Assert.Equal("IoTCentral.Models.Job", job.BaseObject.GetType().FullName);
        Assert.Equal(id, job.Properties["ScheduledJobId"].Value);
        Assert.Equal(id + " - 1", job.Properties["DisplayName"].Value);
        Assert.Equal("completed", job.Properties["Status"].Value);
        Assert.Equal(true, result.Output[2].BaseObject);
    }

    [Fact]
    public void Bad_schedules_and_empty_changes_fail_before_any_request()
    {
        var result = Run(
            """
            New-IoTCentralScheduledJob -Group g -Template 'dtmi:contoso:phone;1' -Property @{ a = 1 } -Start ([DateTimeOffset]::UtcNow) -Occurrences 2
            New-IoTCentralScheduledJob -Group g -Template 'dtmi:contoso:phone;1' -Property @{ a = 1 } -Start ([DateTimeOffset]::UtcNow) -Recurrence daily -Occurrences 2 -EndDate ([datetime]::Today)
            Set-IoTCentralScheduledJob -Id x
            """);
        Assert.Equal(
            new[] { "IoTCentral.InvalidSchedule", "IoTCentral.InvalidSchedule", "IoTCentral.NoChangesSpecified" },
            result.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
        Assert.All(result.Errors, e => Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category));
    }
}
