using System.Collections;
using System.Management.Automation;

namespace IoTCentral.Module.Tests;

/// <summary>Get/New/Set/Remove-IoTCentralOrganization against the emulator's /organizations routes.</summary>
public sealed class OrganizationCmdletTests : ModuleTestBase
{
    public OrganizationCmdletTests(EmulatorFixture emulator)
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

    private static string OrgId(string prefix) => (prefix + "-" + Guid.NewGuid().ToString("N")[..8]).ToLowerInvariant();

    [Fact]
    public void New_builds_a_tree_that_Parent_and_Recurse_walk()
    {
        var root = OrgId("root");
        var result = Run(
            """
            $top = New-IoTCentralOrganization -Id $root -DisplayName 'Contoso'
            $wa = New-IoTCentralOrganization -Id "$root-wa" -DisplayName 'Washington' -Parent $root
            New-IoTCentralOrganization -Id "$root-sea" -DisplayName 'Seattle' -Parent "$root-wa" | Out-Null
            New-IoTCentralOrganization -Id "$root-red" -Parent "$root-wa" | Out-Null
            New-IoTCentralOrganization -Id "$root-or" -Parent $root | Out-Null
            $top
            (Get-IoTCentralOrganization -Parent $root).Id -join ','
            (Get-IoTCentralOrganization -Parent $root -Recurse).Id -join ','
            (Get-IoTCentralOrganization -Parent "$root-wa").Id -join ','
            $wa | Get-IoTCentralOrganization
            """,
            ("root", root));
        result.AssertNoErrors();
        var top = result.Output[0];
        Assert.Equal("IoTCentral.Models.Organization", top.BaseObject.GetType().FullName);
        Assert.Equal("Contoso", top.Properties["DisplayName"].Value);
        Assert.Null(top.Properties["Parent"].Value);
        Assert.NotNull(top.Properties["ApplicationUrl"].Value);
        Assert.Equal($"{root}-or,{root}-wa", result.Output[1].BaseObject);
        Assert.Equal($"{root}-or,{root}-wa,{root}-red,{root}-sea", result.Output[2].BaseObject);
        Assert.Equal($"{root}-red,{root}-sea", result.Output[3].BaseObject);
        Assert.Equal(root, result.Output[4].Properties["Parent"].Value);
        Assert.Equal($"{root}-red", Run("(Get-IoTCentralOrganization -Id $id).DisplayName", ("id", $"{root}-red")).Output[0].BaseObject);
    }

    [Fact]
    public void Set_renames_moves_and_makes_top_level_and_PassThru_returns_the_organization()
    {
        var a = OrgId("set-a");
        var b = OrgId("set-b");
        var result = Run(
            """
            New-IoTCentralOrganization -Id $a | Out-Null
            New-IoTCentralOrganization -Id $b | Out-Null
            Set-IoTCentralOrganization -Id $b -Parent $a -DisplayName 'Moved'
            Get-IoTCentralOrganization -Id $b
            Set-IoTCentralOrganization -Id $b -Parent $null -PassThru -Verbose
            """,
            ("a", a), ("b", b));
        result.AssertNoErrors();
        Assert.Equal(2, result.Output.Count);
        Assert.Equal(a, result.Output[0].Properties["Parent"].Value);
        Assert.Equal("Moved", result.Output[0].Properties["DisplayName"].Value);
        Assert.Null(result.Output[1].Properties["Parent"].Value);
        Assert.Contains(result.Verbose, v => v.StartsWith("PATCH ") && v.Contains("/api/organizations/"));
    }

    [Fact]
    public void Remove_refuses_an_organization_in_use_and_removes_it_once_empty()
    {
        var parent = OrgId("rm");
        var result = Run(
            """
            New-IoTCentralOrganization -Id $parent | Out-Null
            New-IoTCentralOrganization -Id "$parent-child" -Parent $parent | Out-Null
            New-IoTCentralDevice -Id "$parent-device" -Organization "$parent-child" | Out-Null
            Remove-IoTCentralOrganization -Id $parent -Force
            Remove-IoTCentralOrganization -Id "$parent-child" -Force
            Remove-IoTCentralDevice -Id "$parent-device" -Force
            Get-IoTCentralOrganization -Parent $parent | Remove-IoTCentralOrganization -Force
            Remove-IoTCentralOrganization -Id $parent -Force
            @(Get-IoTCentralOrganization | Where-Object Id -like "$parent*").Count
            """,
            ("parent", parent));
        Assert.Equal(0, Assert.Single(result.Output).BaseObject);
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e =>
        {
            Assert.StartsWith("IoTCentral.OrganizationInUse,", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ResourceBusy, e.CategoryInfo.Category);
        });
        Assert.Equal(parent, result.Errors[0].TargetObject);
        Assert.Contains("child organization", result.Errors[0].ErrorDetails.Message);
        Assert.Contains("device", result.Errors[1].ErrorDetails.Message);
    }

    [Fact]
    public void Unknown_organizations_and_parents_fail_with_clear_errors()
    {
        var result = Run(
            """
            New-IoTCentralDevice -Id $device -Organization no-such-org
            New-IoTCentralApiToken -Id $token -Role 'Org Viewer' -Organization no-such-org
            New-IoTCentralOrganization -Id $org -Parent no-such-org
            Get-IoTCentralOrganization -Parent no-such-org
            Get-IoTCentralOrganization -Id no-such-org
            'after'
            """,
            ("device", UniqueId("orgless")), ("token", UniqueId("orgless")), ("org", OrgId("orphan")));
        Assert.Equal("after", Assert.Single(result.Output).BaseObject);
        Assert.Equal(5, result.Errors.Count);
        foreach (var error in result.Errors.Take(3))
        {
            Assert.StartsWith("IoTCentral.OrganizationNotFound,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        }

        foreach (var error in result.Errors.Skip(3))
        {
            Assert.StartsWith("IoTCentral.OrganizationNotFound,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("no-such-org", error.TargetObject);
        }

        var none = Run("@(Get-IoTCentralDevice | Where-Object Id -like 'orgless*').Count");
        Assert.Equal(0, none.Output[0].BaseObject);
    }

    [Theory]
    [InlineData("New-IoTCentralOrganization -Id Upper -Verbose", "ParameterArgumentValidationError")]
    [InlineData("New-IoTCentralOrganization -Id ok-id -Parent '-bad' -Verbose", "ParameterArgumentValidationError")]
    [InlineData("Set-IoTCentralOrganization -Id ok-id -Verbose", "IoTCentral.NoChangesSpecified")]
    public void Bad_input_is_refused_before_any_request(string script, string errorId)
    {
        var result = Run(script);
        Assert.StartsWith(errorId + ",", result.TerminatingRecord!.FullyQualifiedErrorId);
        Assert.DoesNotContain(result.Verbose, v => v.Contains("/api/", StringComparison.Ordinal));
    }

    [Fact]
    public void An_organization_cannot_be_its_own_parent()
    {
        var id = OrgId("self");
        var result = Run("New-IoTCentralOrganization -Id $id | Out-Null; Set-IoTCentralOrganization -Id $id -Parent $id -Verbose", ("id", id));
        Assert.StartsWith("IoTCentral.InvalidParent,", Assert.Single(result.Errors).FullyQualifiedErrorId);
        Assert.DoesNotContain(result.Verbose, v => v.StartsWith("PATCH "));
    }

    [Fact]
    public void WhatIf_changes_nothing()
    {
        var id = OrgId("whatif");
        var result = Run(
            """
            New-IoTCentralOrganization -Id $id -WhatIf
            @(Get-IoTCentralOrganization | Where-Object Id -eq $id).Count
            New-IoTCentralOrganization -Id $id | Out-Null
            Set-IoTCentralOrganization -Id $id -DisplayName changed -WhatIf
            Remove-IoTCentralOrganization -Id $id -Force -WhatIf
            (Get-IoTCentralOrganization -Id $id).DisplayName
            """,
            ("id", id));
        result.AssertNoErrors();
        Assert.Equal(0, result.Output[0].BaseObject);
        Assert.Equal(id, result.Output[1].BaseObject);
    }
}
