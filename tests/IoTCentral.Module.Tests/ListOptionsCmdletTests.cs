using System.Management.Automation;

namespace IoTCentral.Module.Tests;

/// <summary>
/// The preview's list options on the cmdlets other than Get-IoTCentralDevice (DeviceTests covers that one): sent to the
/// service with the preview api-version, and the GA api-version when none is given. The emulator pages by 2, so one
/// item per page with -MaxPageSize 1 shows the option arrived.
/// </summary>
public sealed class ListOptionsCmdletTests : DeviceDataTestBase
{
    public ListOptionsCmdletTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    /// <summary>Each list cmdlet taking -MaxPageSize, as a command with $p (the test's prefix) for its ids.</summary>
    public static TheoryData<string> PagedLists => new()
    {
        "Get-IoTCentralDeviceTemplate",
        "Get-IoTCentralDeviceGroup",
        "Get-IoTCentralDeviceGroupDevice -Id $p",
        "Get-IoTCentralDeviceRelationship -DeviceId $p-0",
        "Get-IoTCentralJob",
        "Get-IoTCentralScheduledJob",
        "Get-IoTCentralScheduledJobRun -Id $p",
        "Get-IoTCentralUser",
    };

    /// <summary>Three devices in a group of their own, related from a fourth, and a scheduled job (tomorrow) on the group.</summary>
    private string Arrange()
    {
        var p = UniqueId("lo");
        Run(
            """
            0..3 | ForEach-Object { New-IoTCentralDevice -Id "$p-$_" -Template $template } | Out-Null
            New-IoTCentralDeviceGroup -Id $p -DisplayName $p -Filter "`$id IN [`"$p-1`", `"$p-2`", `"$p-3`"]" | Out-Null
            1..3 | ForEach-Object { New-IoTCentralDeviceRelationship -DeviceId "$p-0" -Name "r$_" -Target "$p-$_" } | Out-Null
            New-IoTCentralScheduledJob -Id $p -Group $p -Template $template -Property @{ telemetryInterval = 5 } -Start ([DateTimeOffset]::UtcNow.AddDays(1)) | Out-Null
            """,
            ("p", p), ("template", PhoneTemplateId)).AssertNoErrors();
        return p;
    }

    private static List<string> Gets(PowerShellResult result) => result.Verbose.Where(v => v.StartsWith("GET ", StringComparison.Ordinal)).ToList();

    [Theory]
    [MemberData(nameof(PagedLists))]
    public void MaxPageSize_is_sent_with_the_preview_api_version_and_every_item_still_arrives(string command)
    {
        var p = Arrange();

        var plain = Run(command + " -Verbose", ("p", p));
        var paged = Run(command + " -MaxPageSize 1 -Verbose", ("p", p));

        plain.AssertNoErrors();
        paged.AssertNoErrors();
        Assert.All(Gets(plain), g => Assert.Contains("api-version=2022-07-31", g));
        Assert.All(Gets(paged), g => Assert.Contains("api-version=2022-10-31-preview", g));
        // The same items, one page each: maxpagesize=1 reached the list (the log hides its value).
        Assert.Equal(plain.Output.Count, paged.Output.Count);
        Assert.Equal(Math.Max(1, paged.Output.Count), Gets(paged).Count);
    }

    [Fact]
    public void Filter_and_OrderBy_select_and_order_device_templates_and_groups_server_side()
    {
        var p = UniqueId("lo");
        var result = Run(
            """
            'b', 'a', 'c' | ForEach-Object { New-IoTCentralDeviceGroup -Id "$p-$_" -DisplayName "$p $_" -Filter 'SELECT * FROM devices' } | Out-Null
            (Get-IoTCentralDeviceGroup -Filter "displayName ne '$p a' and (id eq '$p-a' or id eq '$p-b' or id eq '$p-c')" -OrderBy 'displayName desc' -MaxPageSize 1).Id -join ','
            (Get-IoTCentralDeviceTemplate -Filter "id eq '$template'").Id
            @(Get-IoTCentralDeviceTemplate -OrderBy 'id desc').Count -eq @(Get-IoTCentralDeviceTemplate).Count
            """,
            ("p", p), ("template", PhoneTemplateId));

        result.AssertNoErrors();
        Assert.Equal($"{p}-c,{p}-b", result.Output[0].BaseObject);
        Assert.Equal(PhoneTemplateId, result.Output[1].BaseObject);
        Assert.Equal(true, result.Output[2].BaseObject);
    }

    [Fact]
    public void Dashboards_and_deployment_manifests_take_the_options_their_lists_define()
    {
        // Dashboard ids take letters, digits, ':' and ';' only.
        var p = UniqueId("lo").Replace("-", string.Empty);
        var result = Run(
            """
            $tile = @{ displayName = 'Note'; x = 0; y = 0; width = 1; height = 1; configuration = @{ type = 'markdown'; description = 'n' } }
            'b', 'a', 'c' | ForEach-Object { New-IoTCentralDashboard -Id "$p$_" -DisplayName "$p $_" -Definition @{ tiles = @($tile) } } | Out-Null
            $deployment = @{ modulesContent = @{ '$edgeAgent' = @{ 'properties.desired' = @{ schemaVersion = '1.1'; modules = @{} } } } }
            'x', 'y', 'z' | ForEach-Object { New-IoTCentralDeploymentManifest -Id "$p$_" -DisplayName "$p $_" -Definition $deployment } | Out-Null
            (Get-IoTCentralDashboard -Filter "displayName ne '$p a' and (id eq '${p}a' or id eq '${p}b' or id eq '${p}c')" -OrderBy 'displayName desc' -MaxPageSize 1 -Verbose).Id -join ','
            (Get-IoTCentralDeploymentManifest -Filter "id eq '${p}x' or id eq '${p}z'" -MaxPageSize 1 -Verbose).Id -join ','
            """,
            ("p", p));

        result.AssertNoErrors();
        Assert.Equal($"{p}c,{p}b", result.Output[0].BaseObject);
        Assert.Equal($"{p}x,{p}z", string.Join(",", ((string)result.Output[1].BaseObject).Split(',').OrderBy(id => id, StringComparer.Ordinal)));
        // One item per page: two pages each, all with the preview api-version these lists exist in.
        var gets = Gets(result);
        Assert.Equal(4, gets.Count);
        Assert.All(gets, g => Assert.Contains("api-version=2022-10-31-preview", g));
    }

    [Fact]
    public void The_manifest_list_has_no_OrderBy_because_the_spec_defines_none()
    {
        var result = Run("Get-IoTCentralDeploymentManifest -OrderBy 'id' -Verbose");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("NamedParameterNotFound,", error.FullyQualifiedErrorId);
        Assert.False(SentAnyRequest(result));
    }

    [Theory]
    [InlineData("Get-IoTCentralUser -MaxPageSize 0")]
    [InlineData("Get-IoTCentralJob -MaxPageSize 101")]
    [InlineData("Get-IoTCentralDeviceGroup -Filter ''")]
    public void Values_out_of_range_are_refused_before_any_request(string command)
    {
        var result = Run(command + " -Verbose");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("ParameterArgumentValidationError,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.False(SentAnyRequest(result));
    }

    [Fact]
    public void MaxPageSize_with_a_relationship_name_is_an_error_before_any_request()
    {
        var result = Run("Get-IoTCentralDeviceRelationship -DeviceId any -Name r1 -MaxPageSize 5 -Verbose; 'went on'");

        Assert.Equal("went on", Assert.Single(result.Output).BaseObject);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("IoTCentral.MaxPageSizeNeedsList,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.False(SentAnyRequest(result));
    }

    [Fact]
    public void A_filter_the_service_refuses_is_an_InvalidArgument_error()
    {
        var result = Run("Get-IoTCentralDeviceTemplate -Filter 'capabilityModel eq 1'; 'went on'");

        Assert.Equal("went on", Assert.Single(result.Output).BaseObject);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal("capabilityModel eq 1", error.TargetObject);
    }
}
