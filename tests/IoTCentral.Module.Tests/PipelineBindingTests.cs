using System.Management.Automation;

namespace IoTCentral.Module.Tests;

/// <summary>Pipelines that bind the way a user reads them: templates, roles, CSV rows, plain ids.</summary>
public sealed class PipelineBindingTests : DeviceDataTestBase
{
    public PipelineBindingTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void A_piped_template_makes_a_device_of_it_and_a_piped_device_finds_its_template()
    {
        var id = UniqueId("phone");
        var result = Run(
            """
            $device = Get-IoTCentralDeviceTemplate -Id $template | New-IoTCentralDevice -Id $id
            $device.Template
            $device.DisplayName
            ($device | Get-IoTCentralDeviceTemplate).Id
            """,
            ("id", id),
            ("template", PhoneTemplateId));
        result.AssertNoErrors();
        Assert.Equal(new object[] { PhoneTemplateId, id, PhoneTemplateId }, result.Output.Select(o => o.BaseObject).ToArray());

        var unassociated = Run("New-IoTCentralDevice -Id $id | Get-IoTCentralDeviceTemplate", ("id", UniqueId("bare")));
        var error = Assert.Single(unassociated.Errors);
        Assert.Contains("has no device template", error.Exception.Message);
    }

    [Fact]
    public void Role_assignments_name_roles_for_Get_IoTCentralRole_and_for_Role()
    {
        var result = Run(
            """
            $user = New-IoTCentralUser -Email "roles-$([guid]::NewGuid().ToString('N'))@contoso.com" -Role Operator, Builder
            $user.Roles | Get-IoTCentralRole | ForEach-Object DisplayName
            $token = New-IoTCentralApiToken -Id $tokenId -Role $user.Roles
            ($token.Roles.Role -join ',') -eq ($user.Roles.Role -join ',')
            """,
            ("tokenId", UniqueId("tok")));
        result.AssertNoErrors();
        Assert.Equal(new object[] { "Operator", "Builder", true }, result.Output.Select(o => o.BaseObject).ToArray());
    }

    [Fact]
    public void Device_ids_pipe_by_value()
    {
        var (first, second) = (UniqueId("byvalue"), UniqueId("byvalue"));
        var result = Run(
            """
            $first, $second | New-IoTCentralDevice | Out-Null
            ($first | Get-IoTCentralDevice).Id
            ($first | Get-IoTCentralDeviceCredential).DeviceId
            $first, $second | Remove-IoTCentralDevice -Force
            @(Get-IoTCentralDevice | Where-Object { $_.Id -eq $first -or $_.Id -eq $second }).Count
            """,
            ("first", first),
            ("second", second));
        result.AssertNoErrors();
        Assert.Equal(new object[] { first, first, 0 }, result.Output.Select(o => o.BaseObject).ToArray());
    }

    [Fact]
    public void Rows_as_Import_Csv_gives_them_drive_bulk_edits_and_piped_devices_change_only_what_is_asked()
    {
        var (first, second) = (UniqueId("csv"), UniqueId("csv"));
        var result = Run(
            """
            New-IoTCentralDevice -Id $first -DisplayName 'First' | Out-Null
            New-IoTCentralDevice -Id $second -DisplayName 'Second' | Out-Null
            @(
                [pscustomobject]@{ Id = $first; DisplayName = 'First, renamed'; Enabled = 'False'; Simulated = 'True' }
                [pscustomobject]@{ Id = $second; DisplayName = ''; Enabled = 'True'; Simulated = 'False' }
            ) | Set-IoTCentralDevice -PassThru | ForEach-Object { '{0}|{1}|{2}' -f $_.DisplayName, $_.Enabled, $_.Simulated }
            Get-IoTCentralDevice -Id $first | Set-IoTCentralDevice -Enabled $true -WhatIf
            """,
            ("first", first),
            ("second", second));
        result.AssertNoErrors();
        Assert.Equal(new object[] { "First, renamed|False|True", "Second|True|False" }, result.Output.Select(o => o.BaseObject).ToArray());

        var noChange = Run("Get-IoTCentralDevice -Id $id | Set-IoTCentralDevice", ("id", first));
        var error = Assert.Single(noChange.Errors);
        Assert.StartsWith("IoTCentral.NoChangesSpecified", error.FullyQualifiedErrorId);
    }

    [Fact]
    public void One_type_per_concept_across_cmdlets()
    {
        var types = Run(
            """
            $n = Get-Command New-IoTCentralDevice; $s = Get-Command Set-IoTCentralDevice
            $u = Get-Command New-IoTCentralUser; $c = Get-Command Connect-IoTCentral
            $n.Parameters.Simulated.ParameterType -eq $s.Parameters.Simulated.ParameterType
            $n.Parameters.Enabled.ParameterType -eq $s.Parameters.Enabled.ParameterType
            $u.Parameters.TenantId.ParameterType -eq $c.Parameters.TenantId.ParameterType
            $u.Parameters.ObjectId.ParameterType -eq $c.Parameters.ObjectId.ParameterType
            """);
        types.AssertNoErrors();
        Assert.Equal(new object[] { true, true, true, true }, types.Output.Select(o => o.BaseObject).ToArray());

        var tenant = Guid.NewGuid().ToString("D");
        var principal = Run("New-IoTCentralUser -ServicePrincipal -TenantId $tenant -ObjectId $object -Role Operator | ForEach-Object TenantId", ("tenant", tenant), ("object", Guid.NewGuid().ToString("D")));
        principal.AssertNoErrors();
        Assert.Equal(tenant, principal.Output.Single().BaseObject);

        var notGuid = Run("New-IoTCentralUser -ServicePrincipal -TenantId contoso -ObjectId $object -Role Operator", ("object", Guid.NewGuid().ToString("D")));
        Assert.StartsWith("ParameterArgumentValidationError", notGuid.TerminatingRecord!.FullyQualifiedErrorId);
    }

    [Fact]
    public void Connect_takes_the_subdomain_from_a_piped_application()
    {
        var result = Run(
            "[pscustomobject]@{ Subdomain = 'contoso'; Name = 'Contoso' } | Connect-IoTCentral -ApiToken $token -SkipValidation | ForEach-Object { $_.ApplicationUrl.ToString() }",
            ("token", Secrets.Protect(Emulator.Server.AdminApiToken)));
        result.AssertNoErrors();
        Assert.Equal("https://contoso.azureiotcentral.com/", result.Output.Single().BaseObject);
    }

    [Fact]
    public void Every_parameter_that_takes_a_device_id_validates_it_and_completes_existing_ids()
    {
        var parameters = Run(
            """
            foreach ($command in Get-Command -Module IoTCentral) {
                foreach ($parameter in $command.Parameters.Values) {
                    if ($parameter.Name -eq 'DeviceId' -or $parameter.Aliases -contains 'DeviceId') {
                        $names = $parameter.Attributes | ForEach-Object { $_.GetType().Name }
                        '{0} -{1}: validate={2} complete={3}' -f $command.Name, $parameter.Name, ($names -contains 'ValidateDeviceIdAttribute'), ($names -contains 'ArgumentCompleterAttribute')
                    }
                }
            }
            """);
        parameters.AssertNoErrors();
        var lines = parameters.Output.Select(o => (string)o.BaseObject).ToList();
        Assert.True(lines.Count >= 12, string.Join("\n", lines));
        foreach (var line in lines)
        {
            // A new device's id is not one that exists yet, so there is nothing to complete.
            var expected = line.StartsWith("New-IoTCentralDevice ", StringComparison.Ordinal) ? "validate=True complete=False" : "validate=True complete=True";
            Assert.EndsWith(expected, line);
        }
    }
}
