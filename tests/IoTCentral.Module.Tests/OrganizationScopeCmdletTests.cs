using System.Management.Automation;

namespace IoTCentral.Module.Tests;

/// <summary>
/// The emulator's organization scope seen through the module: a session signed in with an organization-scoped token
/// lists only its subtree's devices, and naming a device outside it fails as an unknown device would.
/// </summary>
public sealed class OrganizationScopeCmdletTests : ModuleTestBase
{
    public OrganizationScopeCmdletTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void An_Org_Operator_session_sees_only_its_organization_and_fails_on_a_sibling_device()
    {
        var a = UniqueId("a").ToLowerInvariant();
        var b = UniqueId("b").ToLowerInvariant();
        var result = RunWith(
            """
            New-IoTCentralOrganization -Id $a | Out-Null
            New-IoTCentralOrganization -Id $b | Out-Null
            New-IoTCentralDevice -Id "$a-one" -Organization $a | Out-Null
            New-IoTCentralDevice -Id "$a-two" -Organization $a | Out-Null
            New-IoTCentralDevice -Id "$b-one" -Organization $b | Out-Null
            New-IoTCentralDevice -Id "$a-none" | Out-Null
            $token = New-IoTCentralApiToken -Id "$a-operator" -Role 'Org Operator' -Organization $a
            $operator = Connect-IoTCentral -ApplicationUrl $url -ApiToken $token.Token
            $ids = [string[]]@(Get-IoTCentralDevice -Session $operator | ForEach-Object Id)
            [array]::Sort($ids)
            $ids -join ','
            Get-IoTCentralDevice -Id "$b-one" -Session $operator
            New-IoTCentralDevice -Id "$a-three" -Organization $b -Session $operator
            (New-IoTCentralDevice -Id "$a-four" -Organization $a -Session $operator).Organizations -join ','
            'after'
            """,
            ("a", a), ("b", b), ("url", Emulator.ApplicationUrl));

        Assert.Equal(3, result.Output.Count);
        Assert.Equal($"{a}-one,{a}-two", result.Output[0].BaseObject);
        Assert.Equal(a, result.Output[1].BaseObject);
        Assert.Equal("after", result.Output[2].BaseObject);
        Assert.Equal(2, result.Errors.Count);

        var notFound = result.Errors[0];
        Assert.StartsWith("IoTCentral.DeviceNotFound,", notFound.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, notFound.CategoryInfo.Category);
        Assert.Equal($"{b}-one", notFound.TargetObject);

        var outside = result.Errors[1];
        Assert.StartsWith("IoTCentral.DeviceAccessDenied,", outside.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.PermissionDenied, outside.CategoryInfo.Category);
        Assert.Contains($"'{b}'", outside.ErrorDetails.Message);
    }
}
