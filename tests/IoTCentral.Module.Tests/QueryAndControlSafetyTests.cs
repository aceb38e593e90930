namespace IoTCentral.Module.Tests;

/// <summary>-WhatIf on every cmdlet that changes something sends nothing, and no secret reaches any stream.</summary>
public sealed class QueryAndControlSafetyTests : DeviceDataTestBase
{
    public QueryAndControlSafetyTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void WhatIf_on_every_changing_cmdlet_sends_nothing_and_changes_nothing()
    {
        var deviceId = NewPhone(simulated: true);
        var newTemplateId = "dtmi:test:whatif" + Guid.NewGuid().ToString("N")[..8] + ";1";
        var rehearsal = Run(
            """
            New-IoTCentralDeviceTemplate -InputObject @{ '@id' = $newTemplate; '@type' = 'DeviceModel'; capabilityModel = @{ '@type' = 'Interface'; contents = @() } } -WhatIf -Verbose
            New-IoTCentralDeviceTemplate -Path $path -WhatIf -Verbose
            Set-IoTCentralDeviceTemplate -Id $template -DisplayName 'Changed' -WhatIf -Verbose
            Remove-IoTCentralDeviceTemplate -Id $template -Force -WhatIf -Verbose
            Set-IoTCentralDeviceProperty -DeviceId $id -Value @{ owner = 'Changed' } -WhatIf -Verbose
            Set-IoTCentralDeviceProperty -DeviceId $id -Value @{ telemetryInterval = 99 } -Replace -WhatIf -Verbose
            Invoke-IoTCentralCommand -DeviceId $id -Name lightOn -Request @{ duration = 1; delay = 0; pulses = 1 } -WhatIf -Verbose
            $WhatIfPreference = $true
            Get-IoTCentralDevice -Id $id | Invoke-IoTCentralCommand -Name lightOn -Verbose
            Get-IoTCentralDevice -Id $id | Set-IoTCentralDeviceProperty -Value @{ owner = 'Changed' } -Verbose
            """,
            ("newTemplate", newTemplateId),
            ("path", PhoneTemplatePath),
            ("template", PhoneTemplateId),
            ("id", deviceId));
        rehearsal.AssertNoErrors();
        Assert.Empty(rehearsal.Output);
        var writes = rehearsal.Verbose.Where(v => v.Contains(" -> ", StringComparison.Ordinal) && !v.StartsWith("GET ", StringComparison.Ordinal)).ToList();
        Assert.Empty(writes);

        var after = Run(
            """
            @(Get-IoTCentralDeviceTemplate | Where-Object Id -eq $newTemplate).Count
            (Get-IoTCentralDeviceTemplate -Id $template).DisplayName
            $p = Get-IoTCentralDeviceProperty -DeviceId $id
            [string]::IsNullOrEmpty($p.owner)
            @($p.'$metadata' | Where-Object { $_.DesiredValue -eq 99 }).Count
            @(Get-IoTCentralCommandHistory -DeviceId $id -Name lightOn).Count
            """,
            ("newTemplate", newTemplateId),
            ("template", PhoneTemplateId),
            ("id", deviceId));
        after.AssertNoErrors();
        Assert.Equal(new object[] { 0, "Phone as a device", true, 0, 0 }, after.Output.Select(o => o.BaseObject).ToArray());
    }

    [Fact]
    public void No_token_or_device_key_appears_in_any_stream_of_the_new_cmdlets()
    {
        var deviceId = NewPhone(simulated: true);
        var keys = Run("$c = Get-IoTCentralDeviceCredential -DeviceId $id -AsPlainText; $c.PrimaryKey; $c.SecondaryKey", ("id", deviceId));
        keys.AssertNoErrors();

        var script = """
            $DebugPreference = 'Continue'
            $VerbosePreference = 'Continue'
            New-IoTCentralDeviceTemplate -Path $path -Verbose -Debug
            Get-IoTCentralDeviceTemplate -Id $template -Verbose -Debug
            Get-IoTCentralDeviceComponent -DeviceId $id -Verbose -Debug
            Get-IoTCentralDeviceModule -DeviceId $id -Verbose -Debug
            Get-IoTCentralDeviceProperty -DeviceId $id -Component device_info -Verbose -Debug
            Set-IoTCentralDeviceProperty -DeviceId $id -Value @{ owner = 'Ops' } -PassThru -Verbose -Debug
            Get-IoTCentralDeviceTelemetry -DeviceId $id -Component sensors -Name accelerometer -Verbose -Debug
            Invoke-IoTCentralCommand -DeviceId $id -Name lightOn -Request @{ duration = 1; delay = 0; pulses = 1 } -Verbose -Debug
            Get-IoTCentralCommandHistory -DeviceId $id -Name lightOn -Verbose -Debug
            Invoke-IoTCentralQuery "SELECT TOP 3 `$id, sensors.battery FROM $template WHERE `$id = '$id'" -Verbose -Debug
            Get-IoTCentralDeviceProperty -DeviceId no-such-device -Verbose -Debug
            """;
        var result = Run(script, ("path", PhoneTemplatePath), ("template", PhoneTemplateId), ("id", deviceId));
        Assert.NotEmpty(result.Verbose);
        Assert.NotEmpty(result.Debug);
        Assert.Single(result.Errors);

        var everything = result.AllText();
        var secrets = new[] { Emulator.Server.AdminApiToken, (string)keys.Output[0].BaseObject, (string)keys.Output[1].BaseObject };
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, everything);
            var signature = secret.Contains("sig=") ? secret.Split("sig=")[1].Split('&')[0] : secret;
            Assert.DoesNotContain(signature, everything);
            Assert.DoesNotContain(Uri.UnescapeDataString(signature), everything);
        }
    }
}
