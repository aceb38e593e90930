using System.Collections;
using System.Management.Automation;

namespace IoTCentral.Module.Tests;

/// <summary>
/// Objects remember their application: with $a the default session and $b a second application, whatever is read
/// from $b and piped on acts on $b, never on $a, and an explicit -Session for the other application is refused.
/// </summary>
public sealed class TwoApplicationTests : IClassFixture<TwoEmulatorsFixture>, IDisposable
{
    private readonly TwoEmulatorsFixture apps;
    private readonly PowerShellHost shell = new();

    public TwoApplicationTests(TwoEmulatorsFixture apps)
    {
        this.apps = apps;
        Run(
            """
            $b = Connect-IoTCentral -ApplicationUrl $urlB -ApiToken $tokenB
            $a = Connect-IoTCentral -ApplicationUrl $urlA -ApiToken $tokenA
            """).AssertNoErrors();
    }

    public void Dispose() => shell.Dispose();

    private PowerShellResult Run(string script, params (string Name, object? Value)[] variables)
    {
        var table = new Hashtable
        {
            ["urlA"] = apps.A.ApplicationUrl,
            ["urlB"] = apps.B.ApplicationUrl,
            ["tokenA"] = Secrets.Protect(apps.A.Server.AdminApiToken),
            ["tokenB"] = Secrets.Protect(apps.B.Server.AdminApiToken),
            ["phone"] = Path.Combine(TestPaths.Docs, "examples", "templates", "phone-as-a-device.json"),
        };
        foreach (var (name, value) in variables)
        {
            table[name] = value;
        }

        return shell.Run(script, table);
    }

    /// <summary>The same device id in both applications, so acting on the wrong one shows.</summary>
    private string NewDeviceInBoth()
    {
        var id = "dev-" + Guid.NewGuid().ToString("N")[..10];
        Run("New-IoTCentralDevice -Id $id -DisplayName A -Session $a | Out-Null; New-IoTCentralDevice -Id $id -DisplayName B -Session $b | Out-Null", ("id", id)).AssertNoErrors();
        return id;
    }

    private string? DisplayNameIn(string app, string id)
    {
        var result = Run($"Get-IoTCentralDevice -Session ${app} | Where-Object Id -eq $id | ForEach-Object DisplayName", ("id", id));
        result.AssertNoErrors();
        return (string?)result.Output.SingleOrDefault()?.BaseObject;
    }

    /// <summary>The resources added after devices: each New- command, run once per application with $s and $n set.</summary>
    public static TheoryData<string, string> LaterResources => new()
    {
        { "Organization", "New-IoTCentralOrganization -Id $id -DisplayName $n -Session $s" },
        { "DeviceGroup", "New-IoTCentralDeviceGroup -Id $id -DisplayName $n -Filter 'SELECT * FROM devices' -Session $s" },
        { "EnrollmentGroup", "New-IoTCentralEnrollmentGroup -Id $id -DisplayName $n -Session $s" },
        { "ExportDestination", "New-IoTCentralExportDestination -Id $id -DisplayName $n -Url 'https://example.com/hook' -Session $s" },
        { "Dashboard", "New-IoTCentralDashboard -Id $id -DisplayName $n -Definition @{ tiles = @(@{ displayName = 'Note'; x = 0; y = 0; width = 1; height = 1; configuration = @{ type = 'markdown'; description = 'n' } }) } -Session $s" },
        { "DeploymentManifest", "New-IoTCentralDeploymentManifest -Id $id -DisplayName $n -Definition @{ modulesContent = @{ '$edgeAgent' = @{ 'properties.desired' = @{ schemaVersion = '1.1'; modules = @{} } } } } -Session $s" },
    };

    [Theory]
    [MemberData(nameof(LaterResources))]
    public void Later_resources_read_from_the_second_application_are_changed_and_removed_there(string noun, string create)
    {
        var id = "two" + Guid.NewGuid().ToString("N")[..10];
        var result = Run(
            $$"""
            foreach ($pair in @(@($a, 'A'), @($b, 'B'))) { $s, $n = $pair; {{create}} | Out-Null }
            $renamed = Get-IoTCentral{{noun}} -Session $b -Id $id | Set-IoTCentral{{noun}} -DisplayName 'B renamed' -PassThru
            $renamed.ApplicationUrl.Port
            (Get-IoTCentral{{noun}} -Id $id).DisplayName
            Get-IoTCentral{{noun}} -Session $b -Id $id | Remove-IoTCentral{{noun}} -Force
            @(Get-IoTCentral{{noun}} -Session $b | Where-Object Id -eq $id).Count
            (Get-IoTCentral{{noun}} -Id $id).DisplayName
            """,
            ("id", id));

        result.AssertNoErrors();
        Assert.Equal(new object[] { new Uri(apps.B.ApplicationUrl).Port, "A", 0, "A" }, result.Output.Select(o => o.BaseObject).ToArray());
    }

    [Fact]
    public void Devices_listed_from_a_second_application_are_removed_there_and_the_default_keeps_its_own()
    {
        var id = NewDeviceInBoth();
        var result = Run("Get-IoTCentralDevice -Session $b | Where-Object Id -eq $id | Remove-IoTCentralDevice -Confirm:$false", ("id", id));
        result.AssertNoErrors();
        Assert.Null(DisplayNameIn("b", id));
        Assert.Equal("A", DisplayNameIn("a", id));
    }

    [Fact]
    public void Every_output_object_names_its_application_and_set_acts_there()
    {
        var id = NewDeviceInBoth();
        var result = Run("Get-IoTCentralDevice -Session $b -Id $id | Set-IoTCentralDevice -DisplayName 'B renamed' -PassThru", ("id", id));
        result.AssertNoErrors();
        var device = Assert.Single(result.Output);
        Assert.Equal(new Uri(apps.B.ApplicationUrl), device.Properties["ApplicationUrl"].Value);
        Assert.Equal("B renamed", DisplayNameIn("b", id));
        Assert.Equal("A", DisplayNameIn("a", id));
    }

    [Fact]
    public void Objects_of_two_applications_in_one_pipeline_each_go_to_their_own()
    {
        var id = NewDeviceInBoth();
        var result = Run(
            """
            @(Get-IoTCentralDevice -Session $b -Id $id; Get-IoTCentralDevice -Session $a -Id $id) |
                ForEach-Object { $_ } | Set-IoTCentralDevice -DisplayName 'renamed' -PassThru | ForEach-Object { $_.ApplicationUrl.Port }
            """,
            ("id", id));
        result.AssertNoErrors();
        Assert.Equal(new object[] { new Uri(apps.B.ApplicationUrl).Port, new Uri(apps.A.ApplicationUrl).Port }, result.Output.Select(o => o.BaseObject).ToArray());
        Assert.Equal("renamed", DisplayNameIn("a", id));
        Assert.Equal("renamed", DisplayNameIn("b", id));
    }

    [Fact]
    public void An_explicit_session_for_another_application_is_an_error_for_that_object_only()
    {
        var id = NewDeviceInBoth();
        var result = Run(
            """
            @(Get-IoTCentralDevice -Session $b -Id $id; Get-IoTCentralDevice -Session $a -Id $id) | Remove-IoTCentralDevice -Session $a -Force
            """,
            ("id", id));
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("IoTCentral.SessionMismatch", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal(id, error.TargetObject.ToString());
        Assert.Contains(apps.B.ApplicationUrl, error.Exception.Message);
        Assert.Equal("B", DisplayNameIn("b", id));
        Assert.Null(DisplayNameIn("a", id));
    }

    [Fact]
    public void An_object_whose_application_is_not_connected_here_is_an_error_not_a_retarget()
    {
        var id = NewDeviceInBoth();
        var result = Run(
            """
            $device = Get-IoTCentralDevice -Session $b -Id $id
            Disconnect-IoTCentral -Session $b
            $device | Remove-IoTCentralDevice -Force
            """,
            ("id", id));
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("IoTCentral.ApplicationNotConnected", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Equal("A", DisplayNameIn("a", id));

        // Connecting to that application again (a new session) is enough for the object to act there.
        Run("$b = Connect-IoTCentral -ApplicationUrl $urlB -ApiToken $tokenB; $a = Connect-IoTCentral -ApplicationUrl $urlA -ApiToken $tokenA; $device | Remove-IoTCentralDevice -Force").AssertNoErrors();
        Assert.Null(DisplayNameIn("b", id));
        Assert.Equal("A", DisplayNameIn("a", id));
    }

    [Fact]
    public void A_fake_built_with_the_constructor_acts_on_the_application_it_names()
    {
        var id = NewDeviceInBoth();
        var result = Run(
            """
            $fake = [IoTCentral.Models.Device]::new($urlB)
            $fake.Id = $id
            $fake | Remove-IoTCentralDevice -Force
            $unnamed = [IoTCentral.Models.Device]@{ Id = 'made-up' }
            $null -eq $unnamed.ApplicationUrl
            """,
            ("id", id));
        result.AssertNoErrors();
        Assert.Equal(true, result.Output.Single().BaseObject);
        Assert.Null(DisplayNameIn("b", id));
        Assert.Equal("A", DisplayNameIn("a", id));
    }

    [Fact]
    public void Properties_and_commands_of_a_device_read_from_the_second_application_act_there()
    {
        var id = "phone-" + Guid.NewGuid().ToString("N")[..10];
        var result = Run(
            """
            $template = New-IoTCentralDeviceTemplate -Path $phone -Session $b
            $device = New-IoTCentralDevice -Id $id -Template $template.Id -Simulated -Session $b
            $device | Set-IoTCentralDeviceProperty -Value @{ telemetryInterval = 7 }
            ($device | Get-IoTCentralDeviceProperty).'$metadata' | Where-Object Name -eq telemetryInterval | ForEach-Object DesiredValue
            $run = $device | Invoke-IoTCentralCommand -Name lightOn -Request @{ duration = 1; delay = 0; pulses = 1 }
            $run.ResponseCode
            $run.ApplicationUrl.Port
            @($device | Get-IoTCentralCommandHistory -Name lightOn).Count
            """,
            ("id", id));
        result.AssertNoErrors();
        Assert.Equal(new object[] { 7L, 200, new Uri(apps.B.ApplicationUrl).Port, 1 }, result.Output.Select(o => o.BaseObject).ToArray());
        Assert.Empty(Run("Get-IoTCentralDevice -Session $a | Where-Object Id -eq $id", ("id", id)).Output);
    }

    [Fact]
    public void Tokens_made_from_a_piped_role_and_piped_to_removal_stay_in_their_application()
    {
        var id = "tok-" + Guid.NewGuid().ToString("N")[..10];
        var result = Run(
            """
            New-IoTCentralApiToken -Id $id -Role Operator -Session $a | Out-Null
            Get-IoTCentralRole -Session $b -Name Operator | New-IoTCentralApiToken -Id $id | ForEach-Object { $_.ApplicationUrl.Port }
            Get-IoTCentralApiToken -Session $b -Id $id | Remove-IoTCentralApiToken -Force
            @(Get-IoTCentralApiToken -Session $b | Where-Object Id -eq $id).Count
            @(Get-IoTCentralApiToken -Session $a | Where-Object Id -eq $id).Count
            """,
            ("id", id));
        result.AssertNoErrors();
        Assert.Equal(new object[] { new Uri(apps.B.ApplicationUrl).Port, 0, 1 }, result.Output.Select(o => o.BaseObject).ToArray());
    }

    [Fact]
    public void Users_piped_from_the_second_application_are_changed_and_removed_there()
    {
        var id = Guid.NewGuid().ToString("D");
        var result = Run(
            """
            New-IoTCentralUser -Id $id -Email "a-$id@contoso.com" -Role Operator -Session $a | Out-Null
            New-IoTCentralUser -Id $id -Email "b-$id@contoso.com" -Role Operator -Session $b | Out-Null
            $user = Get-IoTCentralUser -Session $b -Id $id
            $user | Set-IoTCentralUser -Role Builder -PassThru | ForEach-Object Email
            (Get-IoTCentralUser -Session $a -Id $id).Roles.Role
            $user | Remove-IoTCentralUser -Force
            @(Get-IoTCentralUser -Session $b | Where-Object Id -eq $id).Count
            (Get-IoTCentralUser -Session $a -Id $id).Email
            """,
            ("id", id));
        result.AssertNoErrors();
        var operatorRoleId = (string)Run("(Get-IoTCentralRole -Name Operator -Session $a).Id").Output.Single().BaseObject;
        Assert.Equal(new object[] { $"b-{id}@contoso.com", operatorRoleId, 0, $"a-{id}@contoso.com" }, result.Output.Select(o => o.BaseObject).ToArray());
    }

    [Fact]
    public void Templates_piped_from_the_second_application_are_changed_and_removed_there_and_copied_with_an_explicit_session()
    {
        var templateId = "dtmi:twoapps:t" + Guid.NewGuid().ToString("N")[..8] + ";1";
        var result = Run(
            """
            $source = New-IoTCentralDeviceTemplate -Path $phone -Session $b
            $source.Id = $templateId
            $source | New-IoTCentralDeviceTemplate | Out-Null
            Get-IoTCentralDeviceTemplate -Session $b -Id $templateId | New-IoTCentralDeviceTemplate -Session $a | ForEach-Object { $_.ApplicationUrl.Port }
            Get-IoTCentralDeviceTemplate -Session $b -Id $templateId | Set-IoTCentralDeviceTemplate -DisplayName 'B only' -PassThru | ForEach-Object DisplayName
            (Get-IoTCentralDeviceTemplate -Session $a -Id $templateId).DisplayName -ne 'B only'
            Get-IoTCentralDeviceTemplate -Session $b -Id $templateId | Remove-IoTCentralDeviceTemplate -Force
            @(Get-IoTCentralDeviceTemplate -Session $b | Where-Object Id -eq $templateId).Count
            @(Get-IoTCentralDeviceTemplate -Session $a | Where-Object Id -eq $templateId).Count
            """,
            ("templateId", templateId));
        result.AssertNoErrors();
        Assert.Equal(new object[] { new Uri(apps.A.ApplicationUrl).Port, "B only", true, 0, 1 }, result.Output.Select(o => o.BaseObject).ToArray());
    }
}
