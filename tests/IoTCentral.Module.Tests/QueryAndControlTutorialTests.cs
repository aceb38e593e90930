using System.Collections;
using System.Management.Automation;

namespace IoTCentral.Module.Tests;

/// <summary>
/// The second half of the IoT Central REST tutorial, as PowerShell against the emulator: publish the phone template,
/// make a device of it, query its accelerometer over the last day, read device_info and flash its light.
/// </summary>
public sealed class QueryAndControlTutorialTests : DeviceDataTestBase
{
    public QueryAndControlTutorialTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void A_simulated_phone_is_queried_read_and_commanded_as_in_the_tutorial()
    {
        var deviceId = UniqueId("tutorial-phone");
        var script = """
            $template = New-IoTCentralDeviceTemplate -Path $templatePath
            $device = New-IoTCentralDevice -Id $deviceId -DisplayName 'Tutorial phone' -Template $template.Id -Simulated
            $query = "SELECT TOP 20 `$id, `$ts, sensors.accelerometer FROM $($template.Id) WHERE WITHIN_WINDOW(P1D) AND `$id = '$deviceId'"
            $rows = @(Invoke-IoTCentralQuery $query)
            $info = Get-IoTCentralDeviceProperty -DeviceId $deviceId -Component device_info
            $result = Invoke-IoTCentralCommand -DeviceId $deviceId -Name lightOn -Request @{ duration = 3; delay = 1; pulses = 2 }
            $template, $device, $rows, $info, $result, $info.manufacturer
            """;
        var result = Run(script, ("templatePath", PhoneTemplatePath), ("deviceId", deviceId));
        result.AssertNoErrors();
        Assert.Empty(result.Warnings);

        var template = result.Output[0];
        Assert.Equal("IoTCentral.Models.DeviceTemplate", template.BaseObject.GetType().FullName);
        Assert.Equal(PhoneTemplateId, template.Properties["Id"].Value);
        Assert.Contains("DeviceModel", (string[])template.Properties["Types"].Value);

        Assert.Equal("Registered", result.Output[1].Properties["Status"].Value.ToString());

        var rows = (object[])result.Output[2].BaseObject;
        Assert.Equal(20, rows.Length);
        foreach (var row in rows.Select(PSObject.AsPSObject))
        {
            Assert.Equal("IoTCentral.QueryRow", row.TypeNames[0]);
            Assert.Equal(deviceId, row.Properties["$id"].Value);
            var timestamp = Assert.IsType<DateTimeOffset>(row.Properties["$ts"].Value);
            Assert.InRange(timestamp, DateTimeOffset.UtcNow.AddDays(-1).AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
            var accelerometer = PSObject.AsPSObject(row.Properties["sensors.accelerometer"].Value);
            foreach (var axis in new[] { "x", "y", "z" })
            {
                AssertNumber(accelerometer.Properties[axis].Value);
            }
        }

        var info = result.Output[3];
        Assert.Equal("IoTCentral.DeviceProperties", info.TypeNames[0]);
        Assert.False(string.IsNullOrEmpty(info.Properties["manufacturer"].Value as string));
        AssertNumber(info.Properties["totalMemory"].Value);
        Assert.Equal(deviceId, info.Properties["$id"].Value);
        var states = (object[])info.Properties["$metadata"].Value;
        Assert.Contains(states.Select(PSObject.AsPSObject), s => (string)s.Properties["Name"].Value == "manufacturer" && (string)s.Properties["Component"].Value == "device_info");
        Assert.Equal(info.Properties["manufacturer"].Value, result.Output[5].BaseObject);

        var command = result.Output[4];
        Assert.Equal("IoTCentral.Models.DeviceCommandResult", command.BaseObject.GetType().FullName);
        Assert.Equal(200, command.Properties["ResponseCode"].Value);
        Assert.NotNull(command.Properties["Response"].Value);
        Assert.False(string.IsNullOrEmpty(command.Properties["RequestId"].Value as string));
        var request = PSObject.AsPSObject(command.Properties["Request"].Value);
        Assert.Equal(3L, request.Properties["duration"].Value);
        Assert.Equal(2L, request.Properties["pulses"].Value);
    }

    [Fact]
    public void A_full_day_of_readings_reaches_the_row_cap_and_warns()
    {
        var deviceId = NewPhone(simulated: true);
        var result = Run(
            "@(Invoke-IoTCentralQuery \"SELECT `$id, `$ts, sensors.accelerometer FROM $template WHERE WITHIN_WINDOW(P1D) AND `$id = '$deviceId'\").Count",
            ("template", PhoneTemplateId),
            ("deviceId", deviceId));
        result.AssertNoErrors();

        // The simulator sends every 5 s for a day (17,280 readings); a telemetry query returns at most 10,000.
        Assert.Equal(10000, (int)result.Output.Single().BaseObject);
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("10,000", warning);
        Assert.Contains("telemetry", warning);
    }

    [Fact]
    public void The_query_and_control_example_script_runs_against_the_emulator()
    {
        var script = Path.Combine(TestPaths.RepoRoot, "docs", "examples", "tutorial-query-and-control.ps1");
        var result = Shell.Run($"& '{script}' -ApplicationUrl $url -ApiToken $adminToken -Cleanup", AdminVariables);
        result.AssertNoErrors();
        var summary = Assert.Single(result.Output);
        var deviceId = (string)summary.Properties["DeviceId"].Value;
        Assert.StartsWith("tutorial-phone-", deviceId);
        Assert.Equal(PhoneTemplateId, summary.Properties["TemplateId"].Value);
        Assert.True((int)summary.Properties["Readings"].Value > 0);
        var latest = PSObject.AsPSObject(summary.Properties["LatestAccelerometer"].Value);
        AssertNumber(latest.Properties["x"].Value);
        Assert.False(string.IsNullOrEmpty(summary.Properties["Manufacturer"].Value as string));
        Assert.Equal(200, summary.Properties["LightOnResponseCode"].Value);
        Assert.Equal(true, summary.Properties["CleanedUp"].Value);

        var gone = Run("Get-IoTCentralDevice -Id $id", ("id", deviceId));
        Assert.Equal("IoTCentral.DeviceNotFound,IoTCentral.Commands.Device.GetIoTCentralDeviceCommand", Assert.Single(gone.Errors).FullyQualifiedErrorId);
    }
}
