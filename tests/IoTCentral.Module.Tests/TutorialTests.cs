using System.Collections;
using System.Management.Automation;

namespace IoTCentral.Module.Tests;

/// <summary>The first half of the IoT Central REST tutorial, step by step, as PowerShell against the emulator.</summary>
public sealed class TutorialTests : ModuleTestBase
{
    public TutorialTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void Roles_include_the_three_built_in_app_roles_with_their_real_ids()
    {
        var result = Shell.Run("Get-IoTCentralRole");
        result.AssertNoErrors();
        var roles = result.Output.ToDictionary(r => (string)r.Properties["DisplayName"].Value, r => (string)r.Properties["Id"].Value);
        Assert.Equal("ca310b8d-2f4a-44e0-a36e-957c202cd8d4", roles["Administrator"]);
        Assert.Equal("344138e9-8de4-4497-8c54-5237e96d6aaf", roles["Builder"]);
        Assert.Equal("ae2c9854-393b-4f97-8c42-479d70ce626e", roles["Operator"]);
        Assert.All(result.Output, r => Assert.Equal("IoTCentral.Models.Role", r.BaseObject.GetType().FullName));
    }

    [Fact]
    public void Role_name_wildcards_filter_and_an_unknown_exact_name_is_an_error()
    {
        var wildcard = Shell.Run("Get-IoTCentralRole -Name op*");
        wildcard.AssertNoErrors();
        Assert.Equal("Operator", Assert.Single(wildcard.Output).Properties["DisplayName"].Value);

        var missing = Shell.Run("Get-IoTCentralRole -Name 'No Such Role'");
        var error = Assert.Single(missing.Errors);
        Assert.Equal("IoTCentral.RoleNotFound,IoTCentral.Commands.Role.GetIoTCentralRoleCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
    }

    [Fact]
    public void An_operator_token_from_a_piped_role_registers_a_device_and_reads_its_credentials_but_cannot_create_tokens()
    {
        var tokenId = UniqueId("ops");
        var deviceId = UniqueId("thermostat");
        var script = """
            $token = Get-IoTCentralRole -Name Operator | New-IoTCentralApiToken -Id $tokenId
            $admin = Get-IoTCentralSession
            $operator = Connect-IoTCentral -ApplicationUrl $url -ApiToken $token.Token
            $device = New-IoTCentralDevice -Id $deviceId -DisplayName 'Thermostat' -Session $operator
            $credential = Get-IoTCentralDeviceCredential -DeviceId $deviceId -Session $operator
            $token, $operator, $device, $credential
            """;
        var vars = AdminVariables;
        vars["tokenId"] = tokenId;
        vars["deviceId"] = deviceId;
        var result = Shell.Run(script, vars);
        result.AssertNoErrors();
        Assert.Equal(4, result.Output.Count);

        var token = result.Output[0];
        Assert.Equal("IoTCentral.Models.ApiToken", token.BaseObject.GetType().FullName);
        Assert.Equal(tokenId, token.Properties["Id"].Value);
        var tokenValue = Secrets.Reveal(token.Properties["Token"].Value);
        Assert.StartsWith("SharedAccessSignature ", tokenValue);
        var roles = (IEnumerable)token.Properties["Roles"].Value;
        Assert.Equal("ae2c9854-393b-4f97-8c42-479d70ce626e", PSObject.AsPSObject(Assert.Single(roles.Cast<object>())).Properties["Role"].Value);

        var session = result.Output[1];
        Assert.Equal("ApiToken", session.Properties["AuthKind"].Value.ToString());
        Assert.Equal(tokenId, session.Properties["Identity"].Value);
        Assert.DoesNotContain(tokenValue, session.ToString());

        var device = result.Output[2];
        Assert.Equal(deviceId, device.Properties["Id"].Value);
        Assert.Equal("Thermostat", device.Properties["DisplayName"].Value);
        Assert.Equal(false, device.Properties["Provisioned"].Value);

        var credential = result.Output[3];
        Assert.Equal("IoTCentral.Models.DeviceCredential", credential.BaseObject.GetType().FullName);
        Assert.False(string.IsNullOrEmpty((string)credential.Properties["IdScope"].Value));
        Assert.Equal(64, Convert.FromBase64String(Secrets.Reveal(credential.Properties["PrimaryKey"].Value)).Length);

        // The operator session (now the default) may not create API tokens: terminating, PermissionDenied.
        // try/catch in a script catches only terminating errors, so reaching the catch block proves it is one.
        var refused = Shell.Run("try { New-IoTCentralApiToken -Id $id -Role Operator } catch { 'terminated'; $_ }", new Hashtable { ["id"] = UniqueId("nope") });
        Assert.Equal("terminated", refused.Output[0].BaseObject);
        var record = Assert.IsType<ErrorRecord>(refused.Output[1].BaseObject);
        Assert.Equal(ErrorCategory.PermissionDenied, record.CategoryInfo.Category);
        Assert.StartsWith("IoTCentral.ApiTokenAccessDenied", record.FullyQualifiedErrorId);
        Assert.Contains("requestId", record.ErrorDetails.Message);
    }

    [Fact]
    public void Plain_text_is_given_only_when_asked_for()
    {
        var deviceId = UniqueId("plain");
        var result = Shell.Run(
            "New-IoTCentralDevice -Id $d | Out-Null; Get-IoTCentralDeviceCredential -DeviceId $d -AsPlainText; New-IoTCentralApiToken -Id $t -Role Builder -AsPlainText",
            new Hashtable { ["d"] = deviceId, ["t"] = UniqueId("plain") });
        result.AssertNoErrors();
        var credential = result.Output[0];
        Assert.Equal("IoTCentral.Models.PlainTextDeviceCredential", credential.BaseObject.GetType().FullName);
        Assert.Equal(64, Convert.FromBase64String((string)credential.Properties["PrimaryKey"].Value).Length);
        var token = result.Output[1];
        Assert.Equal("IoTCentral.Models.PlainTextApiToken", token.BaseObject.GetType().FullName);
        Assert.StartsWith("SharedAccessSignature ", (string)token.Properties["Token"].Value);
        Assert.DoesNotContain("SharedAccessSignature", token.ToString());
    }

    [Fact]
    public void No_token_or_key_appears_in_any_stream_even_with_verbose_and_debug()
    {
        var deviceId = UniqueId("secret");
        var tokenId = UniqueId("secret");
        var script = """
            $DebugPreference = 'Continue'
            $VerbosePreference = 'Continue'
            Connect-IoTCentral -ApplicationUrl $url -ApiToken $adminToken -Verbose -Debug
            $t = Get-IoTCentralRole -Name Operator -Verbose -Debug | New-IoTCentralApiToken -Id $tokenId -Verbose -Debug
            $s = Connect-IoTCentral -ApplicationUrl $url -ApiToken $t.Token -Verbose -Debug
            New-IoTCentralDevice -Id $deviceId -Session $s -Verbose -Debug
            $c = Get-IoTCentralDeviceCredential -DeviceId $deviceId -Session $s -Verbose -Debug
            Get-IoTCentralApiToken -Id $tokenId -Session (Connect-IoTCentral -ApplicationUrl $url -ApiToken $adminToken) -Verbose -Debug
            New-IoTCentralApiToken -Id $tokenId -Role Operator -Verbose -Debug -WhatIf
            Remove-IoTCentralApiToken -Id $tokenId -WhatIf -Verbose -Debug
            Invoke-IoTCentralRestMethod GET "/devices/$deviceId/credentials" -Verbose -Debug | Out-Null
            $t, $c
            """;
        var vars = AdminVariables;
        vars["tokenId"] = tokenId;
        vars["deviceId"] = deviceId;
        var result = Shell.Run(script, vars);
        result.AssertNoErrors();
        Assert.NotEmpty(result.Verbose);
        Assert.NotEmpty(result.Debug);

        var secrets = new List<string> { Emulator.Server.AdminApiToken };
        var token = result.Output.First(o => o.BaseObject.GetType().Name == "ApiToken" && o.Properties["Token"].Value != null);
        secrets.Add(Secrets.Reveal(token.Properties["Token"].Value));
        var credential = result.Output.Last();
        secrets.Add(Secrets.Reveal(credential.Properties["PrimaryKey"].Value));
        secrets.Add(Secrets.Reveal(credential.Properties["SecondaryKey"].Value));

        var everything = result.AllText();
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, everything);
            // The signature part alone must not leak either (e.g. through a logged query string).
            var signature = secret.Contains("sig=") ? secret.Split("sig=")[1].Split('&')[0] : secret;
            Assert.DoesNotContain(signature, everything);
        }
    }

    [Fact]
    public void The_tutorial_example_script_runs_against_the_emulator()
    {
        var script = Path.Combine(TestPaths.RepoRoot, "docs", "examples", "tutorial-tokens-and-devices.ps1");
        var result = Shell.Run($"& '{script}' -ApplicationUrl $url -ApiToken $adminToken -Cleanup", AdminVariables);
        result.AssertNoErrors();
        var summary = Assert.Single(result.Output);
        Assert.Contains("Operator", (object[])summary.Properties["Roles"].Value);
        Assert.StartsWith("tutorial-device-", (string)summary.Properties["DeviceId"].Value);
        Assert.False(string.IsNullOrEmpty((string)summary.Properties["IdScope"].Value));
        Assert.Equal(true, summary.Properties["HasPrimaryKey"].Value);
        Assert.Equal(true, summary.Properties["CleanedUp"].Value);

        var gone = Shell.Run("Get-IoTCentralDevice -Id $id -Session (Connect-IoTCentral -ApplicationUrl $url -ApiToken $adminToken)", new Hashtable(AdminVariables) { ["id"] = summary.Properties["DeviceId"].Value });
        Assert.Equal("IoTCentral.DeviceNotFound,IoTCentral.Commands.Device.GetIoTCentralDeviceCommand", Assert.Single(gone.Errors).FullyQualifiedErrorId);
    }
}
