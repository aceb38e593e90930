using System.Management.Automation;

namespace IoTCentral.Module.Tests;

/// <summary>
/// Send-IoTCentralEmulatorTelemetry and Send-IoTCentralEmulatorProperty: data sent as a device through the emulator's
/// device feed, signed by the module with the device's own key, which no stream may show.
/// </summary>
public sealed class EmulatorFeedCmdletTests : DeviceDataTestBase
{
    public EmulatorFeedCmdletTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void Telemetry_arrives_at_the_level_given_and_nothing_is_written_without_PassThru()
    {
        var deviceId = NewPhone(simulated: false);
        var result = Run(
            """
            Send-IoTCentralEmulatorTelemetry -DeviceId $id -Component sensors -Value @{ battery = 42; accelerometer = @{ x = 1; y = 2; z = 3 } }
            '---'
            Get-IoTCentralDeviceTelemetry -DeviceId $id -Component sensors -Name battery, accelerometer
            """,
            ("id", deviceId));
        result.AssertNoErrors();
        Assert.Equal("---", result.Output[0].BaseObject);
        var battery = result.Output.Single(o => "battery".Equals(o.Properties["Name"]?.Value));
        Assert.Equal(42L, battery.Properties["Value"].Value);
        Assert.NotNull(battery.Properties["Timestamp"].Value);
        var accelerometer = result.Output.Single(o => "accelerometer".Equals(o.Properties["Name"]?.Value));
        Assert.Equal(3L, ((PSObject)accelerometer.Properties["Value"].Value).Properties["z"].Value);
    }

    [Fact]
    public void Telemetry_keeps_the_timestamp_given_and_PassThru_tells_what_was_sent()
    {
        var deviceId = NewPhone(simulated: false);
        var at = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var result = Run(
            """
            Send-IoTCentralEmulatorTelemetry -DeviceId $id -Component sensors -Value '{"barometer": 1013.5}' -Timestamp $at -PassThru
            Get-IoTCentralDeviceTelemetry -DeviceId $id -Component sensors -Name barometer
            """,
            ("id", deviceId),
            ("at", at));
        result.AssertNoErrors();
        var sent = result.Output[0];
        Assert.Equal("IoTCentral.Models.EmulatorDeviceMessage", sent.BaseObject.GetType().FullName);
        Assert.Equal(deviceId, sent.Properties["DeviceId"].Value);
        Assert.Equal("Telemetry", sent.Properties["Kind"].Value);
        Assert.Equal("sensors", sent.Properties["Component"].Value);
        Assert.Equal(at, sent.Properties["Timestamp"].Value);
        Assert.Equal(new Uri(Emulator.ApplicationUrl).Authority, ((Uri)sent.Properties["ApplicationUrl"].Value).Authority);
        var read = result.Output[1];
        Assert.Equal(1013.5, read.Properties["Value"].Value);
        Assert.Equal(at, read.Properties["Timestamp"].Value);
    }

    [Fact]
    public void Devices_pipe_in_by_property_name()
    {
        var first = NewPhone(simulated: false, prefix: "feedpipe");
        var second = NewPhone(simulated: false, prefix: "feedpipe");
        var result = Run(
            """
            Get-IoTCentralDevice | Where-Object Id -in $ids | Send-IoTCentralEmulatorTelemetry -Component sensors -Value @{ battery = 7 } -PassThru |
                ForEach-Object DeviceId
            $ids | ForEach-Object { (Get-IoTCentralDeviceTelemetry -DeviceId $_ -Component sensors -Name battery).Value }
            """,
            ("ids", new[] { first, second }));
        result.AssertNoErrors();
        Assert.Equal(new[] { first, second }.Order(), result.Output.Take(2).Select(o => (string)o.BaseObject).Order());
        Assert.Equal(new object[] { 7L, 7L }, result.Output.Skip(2).Select(o => o.BaseObject));
    }

    [Fact]
    public void Reported_properties_acknowledge_a_pending_write_with_the_code_given()
    {
        var deviceId = NewPhone(simulated: false);
        var result = Run(
            """
            Set-IoTCentralDeviceProperty -DeviceId $id -Value @{ telemetryInterval = 30 }
            Get-IoTCentralDevice -Id $id | Send-IoTCentralEmulatorProperty -Value @{ telemetryInterval = 30 } -AckCode 202 -AckDescription 'applying' -PassThru
            Send-IoTCentralEmulatorProperty -DeviceId $id -Component device_info -Value ([pscustomobject]@{ manufacturer = 'Contoso' })
            $p = Get-IoTCentralDeviceProperty -DeviceId $id
            $p.'$metadata' | Where-Object Name -eq telemetryInterval
            $p.device_info.manufacturer
            """,
            ("id", deviceId));
        result.AssertNoErrors();
        Assert.Equal(3, result.Output.Count);
        var sent = result.Output[0];
        Assert.Equal(("Property", 202, "applying"), ((string)sent.Properties["Kind"].Value, (int)sent.Properties["AckCode"].Value, (string)sent.Properties["AckDescription"].Value));
        var state = result.Output[1];
        Assert.Equal(true, state.Properties["Acknowledged"].Value);
        Assert.Equal(202, state.Properties["AckCode"].Value);
        Assert.Equal("applying", state.Properties["AckDescription"].Value);
        Assert.Equal("Contoso", result.Output[2].BaseObject);
    }

    [Fact]
    public void WhatIf_sends_nothing()
    {
        var deviceId = NewPhone(simulated: false);
        var result = Run(
            """
            Send-IoTCentralEmulatorTelemetry -DeviceId $id -Component sensors -Value @{ battery = 5 } -WhatIf -Verbose
            Send-IoTCentralEmulatorProperty -DeviceId $id -Component device_info -Value @{ manufacturer = 'Contoso' } -WhatIf -Verbose
            """,
            ("id", deviceId));
        result.AssertNoErrors();
        Assert.Empty(result.Output);
        Assert.DoesNotContain(result.Verbose, v => v.Contains(" -> ", StringComparison.Ordinal));

        var after = Run(
            """
            (Get-IoTCentralDeviceTelemetry -DeviceId $id -Component sensors -Name battery).Value
            (Get-IoTCentralDeviceProperty -DeviceId $id -Component device_info).manufacturer
            (Get-IoTCentralDevice -Id $id).Provisioned
            """,
            ("id", deviceId));
        after.AssertNoErrors();
        Assert.Null(after.Output[0]?.BaseObject);
        Assert.Null(after.Output[1]?.BaseObject);
        Assert.Equal(false, after.Output[2].BaseObject);
    }

    [Fact]
    public void The_device_key_and_signature_show_in_no_stream()
    {
        var deviceId = NewPhone(simulated: false);
        var key = Run("(Get-IoTCentralDeviceCredential -DeviceId $id -AsPlainText).PrimaryKey", ("id", deviceId));
        key.AssertNoErrors();
        var primaryKey = (string)key.Output.Single().BaseObject;

        var result = Run(
            """
            $VerbosePreference = 'Continue'; $DebugPreference = 'Continue'
            $show = { process { $_.psobject.Properties | ForEach-Object { '{0}={1}' -f $_.Name, $_.Value } } }
            Send-IoTCentralEmulatorTelemetry -DeviceId $id -Component sensors -Value @{ battery = 9 } -PassThru | & $show
            Send-IoTCentralEmulatorProperty -DeviceId $id -Value @{ telemetryInterval = 3 } -PassThru | & $show
            Send-IoTCentralEmulatorTelemetry -DeviceId $id -Value @{ noSuchTelemetry = 1 }
            """,
            ("id", deviceId));
        Assert.Contains(result.Debug, d => d.Contains("/device-api/devices/", StringComparison.Ordinal) && d.Contains("Authorization", StringComparison.OrdinalIgnoreCase));
        Assert.Single(result.Errors);
        var text = result.AllText();
        Assert.DoesNotContain(primaryKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain("sig=", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SharedAccessSignature sr=", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Emulator.Server.AdminApiToken, text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_the_template_does_not_have_is_the_services_error_for_that_device()
    {
        var deviceId = NewPhone(simulated: false);
        var result = Run("Send-IoTCentralEmulatorTelemetry -DeviceId $id -Value @{ noSuchTelemetry = 1 }", ("id", deviceId));
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal(deviceId, error.TargetObject);

        var missing = Run("Send-IoTCentralEmulatorProperty -DeviceId $id -Value @{ telemetryInterval = 1 }", ("id", UniqueId("missing")));
        var notFound = Assert.Single(missing.Errors);
        Assert.StartsWith("IoTCentral.DeviceNotFound", notFound.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, notFound.CategoryInfo.Category);
    }

    [Fact]
    public void Bad_input_is_refused_before_any_request()
    {
        var deviceId = NewPhone(simulated: false);
        var empty = Run("Send-IoTCentralEmulatorTelemetry -DeviceId $id -Value @{} -Verbose", ("id", deviceId));
        var emptyError = Assert.Single(empty.Errors);
        Assert.StartsWith("IoTCentral.InvalidTelemetryValue", emptyError.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, emptyError.CategoryInfo.Category);
        Assert.False(SentAnyRequest(empty));

        var notObject = Run("Send-IoTCentralEmulatorProperty -DeviceId $id -Value 42 -Verbose", ("id", deviceId));
        var notObjectError = Assert.Single(notObject.Errors);
        Assert.StartsWith("IoTCentral.InvalidPropertyValue", notObjectError.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, notObjectError.CategoryInfo.Category);
        Assert.False(SentAnyRequest(notObject));

        var badId = Run("Send-IoTCentralEmulatorTelemetry -DeviceId 'not a/device' -Value @{ battery = 1 } -Verbose");
        Assert.StartsWith("ParameterArgumentValidationError", badId.TerminatingRecord!.FullyQualifiedErrorId);
        Assert.False(SentAnyRequest(badId));
    }

    [Fact]
    public void A_real_application_is_refused_before_any_request()
    {
        var result = Run(
            """
            $cloud = Connect-IoTCentral -Subdomain contoso -ApiToken $token -SkipValidation
            try { Send-IoTCentralEmulatorTelemetry -DeviceId phone-01 -Value @{ battery = 1 } -Session $cloud -Verbose }
            finally { Disconnect-IoTCentral -Session $cloud }
            """,
            ("token", Secrets.Protect(Emulator.Server.AdminApiToken)));
        var error = result.TerminatingRecord!;
        Assert.StartsWith("IoTCentral.NotAnEmulator", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.Contains("emulator", error.Exception.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(result.Verbose, v => v.Contains(" -> ", StringComparison.Ordinal));
    }
}
