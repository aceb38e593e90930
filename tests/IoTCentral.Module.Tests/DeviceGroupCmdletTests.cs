using System.Collections;
using System.Management.Automation;

namespace IoTCentral.Module.Tests;

/// <summary>Get/New/Set/Remove-IoTCentralDeviceGroup and Get-IoTCentralDeviceGroupDevice against the emulator.</summary>
public sealed class DeviceGroupCmdletTests : ModuleTestBase
{
    public DeviceGroupCmdletTests(EmulatorFixture emulator)
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
    public void A_group_selects_devices_by_filter_and_its_devices_stream_page_by_page()
    {
        var prefix = UniqueId("grp");
        var result = Run(
            """
            1..3 | ForEach-Object { New-IoTCentralDevice -Id "$prefix-sim-$_" -Template 'dtmi:contoso:grouped;1' -Simulated } | Out-Null
            New-IoTCentralDevice -Id "$prefix-real" -Template 'dtmi:contoso:grouped;1' | Out-Null
            $group = New-IoTCentralDeviceGroup -Id $prefix -DisplayName 'Simulated' -Filter "`$template = `"dtmi:contoso:grouped;1`" AND `$simulated = true AND `$id != `"none`""
            $group
            (Get-IoTCentralDeviceGroupDevice -Id $prefix -Verbose).Id -join ','
            ($group | Get-IoTCentralDeviceGroupDevice | Select-First 1).Id
            """,
            ("prefix", prefix));
        result.AssertNoErrors();
        var group = result.Output[0];
        Assert.Equal("IoTCentral.Models.DeviceGroup", group.BaseObject.GetType().FullName);
        Assert.Equal("SELECT * FROM devices WHERE $template = \"dtmi:contoso:grouped;1\" AND $simulated = true AND $id != \"none\"", group.Properties["Filter"].Value);
        Assert.NotNull(group.Properties["ETag"].Value);
        Assert.Equal($"{prefix}-sim-1,{prefix}-sim-2,{prefix}-sim-3", result.Output[1].BaseObject);
        Assert.Equal($"{prefix}-sim-1", result.Output[2].BaseObject);
        Assert.True(result.Verbose.Count(v => v.StartsWith("GET ") && v.Contains("/devices")) >= 2, "the emulator pages by 2, so 3 devices need 2 requests");
    }

    [Fact]
    public void Get_lists_and_gets_Set_patches_with_etag_and_Remove_deletes()
    {
        var id = UniqueId("crud");
        var result = Run(
            """
            $g = New-IoTCentralDeviceGroup -Id $id -DisplayName 'Before' -Filter 'SELECT * FROM devices' -Description 'all devices'
            @(Get-IoTCentralDeviceGroup | Where-Object Id -eq $id).Count
            $g | Set-IoTCentralDeviceGroup -DisplayName 'After' -ETag $g.ETag -PassThru
            Set-IoTCentralDeviceGroup -Id $id -DisplayName 'Stale' -ETag $g.ETag
            Set-IoTCentralDeviceGroup -Id $id -Description $null -Filter '$simulated = false' -PassThru
            $g | Remove-IoTCentralDeviceGroup -Force
            Get-IoTCentralDeviceGroup -Id $id
            """,
            ("id", id));
        Assert.Equal(1, result.Output[0].BaseObject);
        Assert.Equal("After", result.Output[1].Properties["DisplayName"].Value);
        Assert.Equal("all devices", result.Output[1].Properties["Description"].Value);
        var cleared = result.Output[2];
        Assert.Null(cleared.Properties["Description"].Value);
        Assert.Equal("SELECT * FROM devices WHERE $simulated = false", cleared.Properties["Filter"].Value);
        Assert.Equal(3, result.Output.Count);

        Assert.Equal(2, result.Errors.Count);
        Assert.StartsWith("IoTCentral.DeviceGroupPreconditionFailed,", result.Errors[0].FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.WriteError, result.Errors[0].CategoryInfo.Category);
        Assert.StartsWith("IoTCentral.DeviceGroupNotFound,", result.Errors[1].FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, result.Errors[1].CategoryInfo.Category);
        Assert.Equal(id, result.Errors[1].TargetObject);
    }

    [Fact]
    public void Filters_are_checked_locally_and_by_the_service()
    {
        var result = Run(
            """
            New-IoTCentralDeviceGroup -Id local-check -DisplayName g -Filter 'SELECT $id FROM devices' -Verbose
            New-IoTCentralDeviceGroup -Id local-check -DisplayName g -Filter '$template = "unclosed' -Verbose
            New-IoTCentralDeviceGroup -Id service-check -DisplayName g -Filter '$nope = 1'
            'after'
            """);
        Assert.Equal("after", Assert.Single(result.Output).BaseObject);
        Assert.Equal(3, result.Errors.Count);
        Assert.All(result.Errors.Take(2), e =>
        {
            Assert.StartsWith("IoTCentral.InvalidFilter,", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
        });
        Assert.DoesNotContain(result.Verbose, v => v.StartsWith("PUT "));
        Assert.StartsWith("IoTCentral.DeviceGroupInvalidArgument,", result.Errors[2].FullyQualifiedErrorId);
        Assert.Contains("$nope", result.Errors[2].ErrorDetails.Message);
    }

    [Fact]
    public void A_group_in_an_organization_and_an_unknown_group()
    {
        var org = ("grp-" + Guid.NewGuid().ToString("N")[..8]).ToLowerInvariant();
        var id = UniqueId("org-group");
        var result = Run(
            """
            New-IoTCentralOrganization -Id $org | Out-Null
            New-IoTCentralDevice -Id "$id-in" -Organization $org | Out-Null
            New-IoTCentralDevice -Id "$id-out" | Out-Null
            $g = New-IoTCentralDeviceGroup -Id $id -DisplayName g -Filter "`$id IN [`"$id-in`", `"$id-out`"]" -Organization $org
            $g.Organizations
            (Get-IoTCentralDeviceGroupDevice -Id $id).Id
            Get-IoTCentralDeviceGroupDevice -Id no-such-group
            """,
            ("org", org), ("id", id));
        Assert.Equal(new object[] { org, $"{id}-in" }, result.Output.Select(o => o.BaseObject));
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("IoTCentral.DeviceGroupNotFound,", error.FullyQualifiedErrorId);
        Assert.Equal("no-such-group", error.TargetObject);
    }

    [Fact]
    public void WhatIf_and_no_changes()
    {
        var result = Run(
            """
            New-IoTCentralDeviceGroup -Id whatif-group -DisplayName g -Filter 'SELECT * FROM devices' -WhatIf
            @(Get-IoTCentralDeviceGroup | Where-Object Id -eq whatif-group).Count
            """);
        result.AssertNoErrors();
        Assert.Equal(0, Assert.Single(result.Output).BaseObject);

        var none = Run("Set-IoTCentralDeviceGroup -Id whatever -PassThru");
        Assert.StartsWith("IoTCentral.NoChangesSpecified,", none.TerminatingRecord!.FullyQualifiedErrorId);
    }
}
