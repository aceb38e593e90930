using System.Collections;
using System.Management.Automation;

namespace IoTCentral.Module.Tests;

public sealed class DeviceTests : ModuleTestBase
{
    public DeviceTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    private PowerShellResult Run(string script, params (string Name, object Value)[] variables)
    {
        var table = new Hashtable();
        foreach (var (name, value) in variables)
        {
            table[name] = value;
        }

        return Shell.Run(script, table);
    }

    [Fact]
    public void New_get_set_and_remove_a_device()
    {
        var id = UniqueId("dev");
        var result = Run(
            """
            New-IoTCentralDevice -Id $id -DisplayName 'First name' -Template 'dtmi:contoso:thermostat;1' -Simulated
            Set-IoTCentralDevice -Id $id -DisplayName 'Second name'
            Set-IoTCentralDevice -Id $id -Enabled $false -PassThru
            Get-IoTCentralDevice -Id $id
            Remove-IoTCentralDevice -Id $id -Force
            Get-IoTCentralDevice | Where-Object Id -eq $id
            """,
            ("id", id));
        result.AssertNoErrors();
        Assert.Equal(3, result.Output.Count);
        var created = result.Output[0];
        Assert.Equal("dtmi:contoso:thermostat;1", created.Properties["Template"].Value);
        Assert.Equal(true, created.Properties["Simulated"].Value);
        Assert.Equal("Registered", created.Properties["Status"].Value.ToString());

        var patched = result.Output[1];
        Assert.Equal("Second name", patched.Properties["DisplayName"].Value);
        Assert.Equal(false, patched.Properties["Enabled"].Value);
        Assert.Equal("Blocked", patched.Properties["Status"].Value.ToString());
        Assert.Equal(true, patched.Properties["Simulated"].Value);
        Assert.Equal("Second name", result.Output[2].Properties["DisplayName"].Value);
    }

    [Fact]
    public void Set_without_a_change_and_bad_ids_fail_before_any_request()
    {
        var noChange = Run("Set-IoTCentralDevice -Id some-device -Verbose");
        Assert.StartsWith("IoTCentral.NoChangesSpecified", noChange.TerminatingRecord!.FullyQualifiedErrorId);
        Assert.DoesNotContain(noChange.Verbose, v => v.Contains("/api/"));

        var badId = Run("New-IoTCentralDevice -Id 'has space' -Verbose");
        Assert.StartsWith("ParameterArgumentValidationError", badId.TerminatingRecord!.FullyQualifiedErrorId);
        Assert.Contains("1 to 128 characters", badId.TerminatingRecord.Exception.Message);
        Assert.DoesNotContain(badId.Verbose, v => v.Contains("/api/"));

        var badTemplate = Run("New-IoTCentralDevice -Id ok -Template 'not a dtmi'");
        Assert.Contains("DTMI", badTemplate.TerminatingRecord!.Exception.Message);

        var badToken = Run("New-IoTCentralApiToken -Id 'bad id!' -Role Operator");
        Assert.Contains("1 to 40 characters", badToken.TerminatingRecord!.Exception.Message);

        var unknownRole = Run("New-IoTCentralApiToken -Id fine-id -Role 'Chief Wizard'");
        Assert.StartsWith("IoTCentral.UnknownRole", unknownRole.TerminatingRecord!.FullyQualifiedErrorId);
        Assert.Contains("Operator", unknownRole.TerminatingRecord.Exception.Message);
        Assert.Empty(Run("Get-IoTCentralApiToken | Where-Object Id -eq fine-id").Output);

        var pastExpiry = Run("New-IoTCentralApiToken -Id fine-id -Role Operator -Expiry ([datetime]::UtcNow.AddDays(-1))");
        Assert.StartsWith("IoTCentral.InvalidExpiry", pastExpiry.TerminatingRecord!.FullyQualifiedErrorId);
    }

    [Fact]
    public void A_missing_device_is_a_non_terminating_ObjectNotFound_with_the_id_as_target()
    {
        var result = Run("Get-IoTCentralDevice -Id no-such-device; 'after'");
        Assert.Equal("after", Assert.Single(result.Output).BaseObject);
        var error = Assert.Single(result.Errors);
        Assert.Equal("IoTCentral.DeviceNotFound,IoTCentral.Commands.Device.GetIoTCentralDeviceCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("no-such-device", error.TargetObject);
        Assert.Contains("requestId", error.ErrorDetails.Message);
        Assert.Equal("IoTCentral.Models.IoTCentralException", error.Exception.GetType().FullName);
    }

    [Fact]
    public void WhatIf_on_a_piped_removal_removes_nothing()
    {
        var prefix = UniqueId("whatif");
        var result = Run(
            """
            1..3 | ForEach-Object { New-IoTCentralDevice -Id "$prefix-$_" } | Out-Null
            Get-IoTCentralDevice | Where-Object { -not $_.Provisioned -and $_.Id.StartsWith($prefix) } | Remove-IoTCentralDevice -WhatIf
            New-IoTCentralDevice -Id "$prefix-new" -WhatIf
            Set-IoTCentralDevice -Id "$prefix-1" -DisplayName changed -WhatIf
            @(Get-IoTCentralDevice | Where-Object { $_.Id.StartsWith($prefix) }).Count
            (Get-IoTCentralDevice -Id "$prefix-1").DisplayName
            """,
            ("prefix", prefix));
        result.AssertNoErrors();
        Assert.Equal(3, result.Output[0].BaseObject);
        Assert.Equal(prefix + "-1", result.Output[1].BaseObject);
    }

    [Fact]
    public void Piped_ids_remove_each_device_and_a_failure_does_not_stop_the_rest()
    {
        var prefix = UniqueId("pipe");
        var result = Run(
            """
            New-IoTCentralDevice -Id "$prefix-a" | Out-Null
            New-IoTCentralDevice -Id "$prefix-b" | Out-Null
            "$prefix-a", "$prefix-missing", "$prefix-b" | ForEach-Object { [pscustomobject]@{ Id = $_ } } | Remove-IoTCentralDevice -Force
            @(Get-IoTCentralDevice | Where-Object { $_.Id.StartsWith($prefix) }).Count
            """,
            ("prefix", prefix));
        Assert.Equal(0, Assert.Single(result.Output).BaseObject);
        Assert.Equal("IoTCentral.DeviceNotFound,IoTCentral.Commands.Device.RemoveIoTCentralDeviceCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
    }

    [Fact]
    public void Listing_streams_page_by_page_and_stops_paging_when_the_consumer_stops()
    {
        var prefix = UniqueId("page");
        Run("1..9 | ForEach-Object { New-IoTCentralDevice -Id \"$prefix-$_\" -Template 'dtmi:contoso:pager;1' } | Out-Null", ("prefix", prefix)).AssertNoErrors();

        var all = Run("Get-IoTCentralDevice -Template 'dtmi:contoso:pager;1' -Verbose");
        all.AssertNoErrors();
        Assert.Equal(9, all.Output.Count(o => ((string)o.Properties["Id"].Value).StartsWith(prefix)));
        var fullPages = all.Verbose.Count(v => v.StartsWith("GET "));
        Assert.True(fullPages >= 5, "the emulator pages by 2, so 9 devices need at least 5 requests; saw " + fullPages);

        var first = Run("Get-IoTCentralDevice -Verbose | Select-First 3");
        first.AssertNoErrors();
        Assert.Equal(3, first.Output.Count);
        Assert.Equal(2, first.Verbose.Count(v => v.StartsWith("GET ")));
    }

    [Fact]
    public void Devices_bind_from_the_pipeline_by_property_name()
    {
        var id = UniqueId("bind");
        var result = Run(
            "New-IoTCentralDevice -Id $id | Get-IoTCentralDeviceCredential | ForEach-Object DeviceId; Get-IoTCentralDevice -Id $id | Set-IoTCentralDevice -DisplayName piped -PassThru",
            ("id", id));
        result.AssertNoErrors();
        Assert.Equal(id, result.Output[0].BaseObject);
        Assert.Equal("piped", result.Output[1].Properties["DisplayName"].Value);
    }

    [Fact]
    public void Filter_OrderBy_and_MaxPageSize_are_sent_server_side_with_the_preview_api_version()
    {
        var prefix = UniqueId("opts");
        Run("1..4 | ForEach-Object { New-IoTCentralDevice -Id \"$prefix-$_\" -DisplayName \"$prefix $(5 - $_)\" -Simulated:($_ -ne 2) } | Out-Null", ("prefix", prefix)).AssertNoErrors();

        var result = Run(
            "Get-IoTCentralDevice -Filter \"(id eq '$prefix-1' or id eq '$prefix-2' or id eq '$prefix-3') and simulated eq true\" -OrderBy 'displayName asc' -MaxPageSize 1 -Verbose",
            ("prefix", prefix));

        result.AssertNoErrors();
        Assert.Equal(new[] { prefix + "-3", prefix + "-1" }, result.Output.Select(o => (string)o.Properties["Id"].Value));
        // Two pages for two devices show maxpagesize=1 arrived (the log hides other query values, as it does any
        // query parameter but api-version); the order by display name, not id, shows orderby did.
        var gets = result.Verbose.Where(v => v.StartsWith("GET ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, gets.Count);
        Assert.All(gets, g => Assert.Contains("api-version=2022-10-31-preview", g));
    }

    [Fact]
    public void Without_the_options_the_list_stays_on_the_GA_api_version_and_a_filter_the_service_refuses_is_an_error()
    {
        var plain = Run("Get-IoTCentralDevice -Verbose | Select-First 1");
        plain.AssertNoErrors();
        Assert.Contains("api-version=2022-07-31", Assert.Single(plain.Verbose, v => v.StartsWith("GET ", StringComparison.Ordinal)));

        var refused = Run("Get-IoTCentralDevice -Filter 'organizations eq 1'; 'went on'");
        Assert.Equal("went on", Assert.Single(refused.Output).BaseObject);
        var error = Assert.Single(refused.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal("organizations eq 1", error.TargetObject);
        Assert.Contains("not supported by the emulator", error.ErrorDetails?.Message ?? error.Exception.Message);
    }
}
