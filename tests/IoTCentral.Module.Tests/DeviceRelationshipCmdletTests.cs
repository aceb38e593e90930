using System.Management.Automation;

namespace IoTCentral.Module.Tests;

/// <summary>Get/New/Set/Remove-IoTCentralDeviceRelationship against the emulator's relationship routes.</summary>
public sealed class DeviceRelationshipCmdletTests : ModuleTestBase
{
    public DeviceRelationshipCmdletTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void New_Get_Set_and_Remove_work_through_the_pipeline()
    {
        var gateway = UniqueId("gw");
        var result = RunWith(
            """
            New-IoTCentralDevice -Id $gateway | Out-Null
            New-IoTCentralDevice -Id "$gateway-a" | Out-Null
            New-IoTCentralDevice -Id "$gateway-b" | Out-Null
            Get-IoTCentralDevice -Id $gateway | New-IoTCentralDeviceRelationship -Name link -Target "$gateway-a"
            Set-IoTCentralDeviceRelationship -DeviceId $gateway -Name link -Target "$gateway-b"
            (Set-IoTCentralDeviceRelationship -DeviceId $gateway -Name link -Target "$gateway-b" -PassThru).Target
            (Get-IoTCentralDevice -Id $gateway | Get-IoTCentralDeviceRelationship).Name
            Get-IoTCentralDeviceRelationship -DeviceId $gateway | Remove-IoTCentralDeviceRelationship -Force
            @(Get-IoTCentralDeviceRelationship -DeviceId $gateway).Count
            """,
            ("gateway", gateway));
        result.AssertNoErrors();
        var created = result.Output[0];
        Assert.Equal("IoTCentral.Models.DeviceRelationship", created.BaseObject.GetType().FullName);
        Assert.Equal("link", created.Properties["Name"].Value);
        Assert.Equal(gateway, created.Properties["DeviceId"].Value);
        Assert.Equal(gateway + "-a", created.Properties["Target"].Value);
        Assert.NotNull(created.Properties["ApplicationUrl"].Value);
        Assert.Equal(gateway + "-b", result.Output[1].BaseObject);
        Assert.Equal("link", result.Output[2].BaseObject);
        Assert.Equal(0, result.Output[3].BaseObject);
        Assert.Equal(4, result.Output.Count);
    }

    [Fact]
    public void Unknown_devices_relationships_and_targets_fail_with_clear_errors()
    {
        var gateway = UniqueId("gw");
        var result = RunWith(
            """
            New-IoTCentralDevice -Id $gateway | Out-Null
            Get-IoTCentralDeviceRelationship -DeviceId no-such-device
            Get-IoTCentralDeviceRelationship -DeviceId $gateway -Name missing
            Remove-IoTCentralDeviceRelationship -DeviceId $gateway -Name missing -Force
            New-IoTCentralDeviceRelationship -DeviceId $gateway -Name link -Target no-such-device
            'after'
            """,
            ("gateway", gateway));
        Assert.Equal("after", Assert.Single(result.Output).BaseObject);
        Assert.Equal(4, result.Errors.Count);
        Assert.StartsWith("IoTCentral.DeviceNotFound,", result.Errors[0].FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, result.Errors[0].CategoryInfo.Category);
        Assert.StartsWith("IoTCentral.DeviceRelationshipNotFound,", result.Errors[1].FullyQualifiedErrorId);
        Assert.Equal("missing", result.Errors[1].TargetObject);
        Assert.StartsWith("IoTCentral.DeviceRelationshipNotFound,", result.Errors[2].FullyQualifiedErrorId);
        Assert.StartsWith("IoTCentral.DeviceRelationshipInvalidArgument,", result.Errors[3].FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, result.Errors[3].CategoryInfo.Category);
    }

    [Fact]
    public void A_second_relationship_to_the_same_target_is_refused()
    {
        var gateway = UniqueId("gw");
        var result = RunWith(
            """
            New-IoTCentralDevice -Id $gateway | Out-Null
            New-IoTCentralDevice -Id "$gateway-a" | Out-Null
            New-IoTCentralDeviceRelationship -DeviceId $gateway -Name one -Target "$gateway-a" | Out-Null
            New-IoTCentralDeviceRelationship -DeviceId $gateway -Name two -Target "$gateway-a"
            """,
            ("gateway", gateway));
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("IoTCentral.DeviceRelationshipAlreadyExists,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
    }

    [Theory]
    [InlineData("New-IoTCentralDeviceRelationship -DeviceId gw -Name 'bad/name' -Target child -Verbose", "ParameterArgumentValidationError")]
    [InlineData("New-IoTCentralDeviceRelationship -DeviceId gw -Name ok -Target 'bad target' -Verbose", "ParameterArgumentValidationError")]
    public void Bad_input_is_refused_before_any_request(string script, string errorId)
    {
        var result = RunWith(script);
        Assert.StartsWith(errorId + ",", result.TerminatingRecord!.FullyQualifiedErrorId);
        Assert.DoesNotContain(result.Verbose, v => v.Contains("/api/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_device_cannot_relate_to_itself()
    {
        var result = RunWith("New-IoTCentralDeviceRelationship -DeviceId gw-self -Name self -Target gw-self -Verbose");
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("IoTCentral.InvalidRelationship,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.DoesNotContain(result.Verbose, v => v.StartsWith("PUT ", StringComparison.Ordinal));
    }

    [Fact]
    public void WhatIf_changes_nothing()
    {
        var gateway = UniqueId("gw");
        var result = RunWith(
            """
            New-IoTCentralDevice -Id $gateway | Out-Null
            New-IoTCentralDevice -Id "$gateway-a" | Out-Null
            New-IoTCentralDevice -Id "$gateway-b" | Out-Null
            New-IoTCentralDeviceRelationship -DeviceId $gateway -Name link -Target "$gateway-a" -WhatIf
            @(Get-IoTCentralDeviceRelationship -DeviceId $gateway).Count
            New-IoTCentralDeviceRelationship -DeviceId $gateway -Name link -Target "$gateway-a" | Out-Null
            Set-IoTCentralDeviceRelationship -DeviceId $gateway -Name link -Target "$gateway-b" -WhatIf
            Remove-IoTCentralDeviceRelationship -DeviceId $gateway -Name link -Force -WhatIf
            (Get-IoTCentralDeviceRelationship -DeviceId $gateway -Name link).Target
            """,
            ("gateway", gateway));
        result.AssertNoErrors();
        Assert.Equal(0, result.Output[0].BaseObject);
        Assert.Equal(gateway + "-a", result.Output[1].BaseObject);
    }
}
