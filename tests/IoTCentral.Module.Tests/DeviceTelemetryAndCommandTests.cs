using System.Management.Automation;

namespace IoTCentral.Module.Tests;

public sealed class DeviceTelemetryAndCommandTests : DeviceDataTestBase
{
    private const string InvokeCommand = "IoTCentral.Commands.Command.InvokeIoTCentralCommandCommand";

    public DeviceTelemetryAndCommandTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void The_last_telemetry_value_comes_with_its_timestamp_and_is_empty_before_the_device_sends()
    {
        var deviceId = NewPhone(simulated: false);
        var before = Run("Get-IoTCentralDeviceTelemetry -DeviceId $id -Component sensors -Name battery", ("id", deviceId));
        before.AssertNoErrors();
        Assert.Null(before.Output.Single().Properties["Timestamp"].Value);

        FeedOf(deviceId).SendTelemetry("""{"component":"sensors","timestamp":"2030-01-02T03:04:05Z","values":{"accelerometer":{"x":0.5,"y":-9.75,"z":1.25},"battery":77}}""");

        var after = Run("Get-IoTCentralDeviceTelemetry $id accelerometer, battery -Component sensors", ("id", deviceId));
        after.AssertNoErrors();
        Assert.Equal(2, after.Output.Count);
        var accelerometer = after.Output[0];
        Assert.Equal("IoTCentral.Models.DeviceTelemetryValue", accelerometer.BaseObject.GetType().FullName);
        Assert.Equal(("accelerometer", "sensors"), ((string)accelerometer.Properties["Name"].Value, (string)accelerometer.Properties["Component"].Value));
        Assert.Equal(-9.75, PSObject.AsPSObject(accelerometer.Properties["Value"].Value).Properties["y"].Value);
        Assert.Equal(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero), accelerometer.Properties["Timestamp"].Value);
        Assert.Equal(77L, after.Output[1].Properties["Value"].Value);
    }

    [Fact]
    public void Unknown_telemetry_and_command_names_are_named_in_the_error_not_reported_as_a_missing_device()
    {
        var deviceId = NewPhone(simulated: true);
        var result = Run(
            """
            Get-IoTCentralDeviceTelemetry -DeviceId $id -Component sensors -Name noSuchTelemetry
            Invoke-IoTCentralCommand -DeviceId $id -Name noSuchCommand -Confirm:$false
            'went on'
            """,
            ("id", deviceId));
        Assert.Equal("went on", Assert.Single(result.Output).BaseObject);
        Assert.Equal(2, result.Errors.Count);
        Assert.StartsWith("IoTCentral.TelemetryNotFound,", result.Errors[0].FullyQualifiedErrorId);
        Assert.StartsWith("IoTCentral.CommandNotFound,", result.Errors[1].FullyQualifiedErrorId);
        Assert.All(result.Errors, e => Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category));
    }

    [Fact]
    public void Devices_pipe_into_telemetry_by_their_id()
    {
        var first = NewPhone(simulated: true, prefix: "pipe");
        var second = NewPhone(simulated: true, prefix: "pipe");
        var result = Run(
            "Get-IoTCentralDevice | Where-Object { $_.Id -in $ids } | Get-IoTCentralDeviceTelemetry -Component sensors -Name accelerometer",
            ("ids", new[] { first, second }));
        result.AssertNoErrors();
        Assert.Equal(new[] { first, second }.OrderBy(i => i), result.Output.Select(o => (string)o.Properties["DeviceId"].Value).OrderBy(i => i));
        Assert.All(result.Output, o => Assert.NotNull(o.Properties["Timestamp"].Value));
    }

    [Fact]
    public void A_command_returns_the_device_answer_and_appears_in_the_history()
    {
        var deviceId = NewPhone(simulated: false);
        FeedOf(deviceId).AnswerCommand("lightOn", """{"responseCode":200,"response":{"completedAt":"2030-01-01T00:00:00Z","pulsesDone":2}}""");

        var result = Run(
            """
            Invoke-IoTCentralCommand -DeviceId $id -Name lightOn -Request '{"duration": 3, "delay": 1, "pulses": 2}' -ResponseTimeout 10
            Get-IoTCentralCommandHistory -DeviceId $id -Name lightOn
            """,
            ("id", deviceId));
        result.AssertNoErrors();
        var run = result.Output[0];
        Assert.Equal(200, run.Properties["ResponseCode"].Value);
        Assert.Equal(2L, PSObject.AsPSObject(run.Properties["Response"].Value).Properties["pulsesDone"].Value);
        Assert.Equal(("lightOn", deviceId), ((string)run.Properties["Name"].Value, (string)run.Properties["DeviceId"].Value));
        var history = result.Output.Skip(1).ToList();
        Assert.Contains(history, h => (string?)h.Properties["RequestId"].Value == (string?)run.Properties["RequestId"].Value);
        Assert.All(history, h => Assert.Equal("IoTCentral.Models.DeviceCommandResult", h.BaseObject.GetType().FullName));
    }

    [Fact]
    public void A_device_that_does_not_answer_is_an_error_and_the_command_is_sent_once()
    {
        var deviceId = NewPhone(simulated: false);
        var result = Run("Invoke-IoTCentralCommand -DeviceId $id -Name lightOn -Request @{ duration = 1; delay = 0; pulses = 1 } -ConnectionTimeout 0 -Verbose; 'went on'", ("id", deviceId));
        Assert.Equal("went on", result.Output.Single().BaseObject);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("IoTCentral.Device", error.FullyQualifiedErrorId);
        Assert.EndsWith("," + InvokeCommand, error.FullyQualifiedErrorId);
        Assert.Equal(deviceId, error.TargetObject);
        Assert.Single(result.Verbose, v => v.StartsWith("POST ", StringComparison.Ordinal) && v.Contains("/commands/lightOn"));
    }

    [Theory]
    [InlineData("-ConnectionTimeout 31")]
    [InlineData("-ConnectionTimeout -1")]
    [InlineData("-ResponseTimeout 4")]
    [InlineData("-ResponseTimeout 31")]
    public void Timeouts_out_of_range_are_refused_before_any_request(string timeout)
    {
        var result = Run($"Invoke-IoTCentralCommand -DeviceId some-device -Name lightOn {timeout} -Verbose");
        var record = result.TerminatingRecord!;
        Assert.Equal("ParameterArgumentValidationError," + InvokeCommand, record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidData, record.CategoryInfo.Category);
        Assert.False(SentAnyRequest(result));
    }

    [Fact]
    public void Commands_and_telemetry_of_an_unknown_device_are_non_terminating_ObjectNotFound()
    {
        var result = Run(
            """
            Invoke-IoTCentralCommand -DeviceId no-such-device -Name lightOn -Confirm:$false
            Get-IoTCentralDeviceTelemetry -DeviceId no-such-device -Name battery -Component sensors
            Get-IoTCentralCommandHistory -DeviceId no-such-device -Name lightOn
            'went on'
            """);
        Assert.Equal("went on", result.Output.Single().BaseObject);
        Assert.Equal(3, result.Errors.Count);
        Assert.All(result.Errors, e =>
        {
            Assert.StartsWith("IoTCentral.DeviceNotFound,", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category);
            Assert.Equal("no-such-device", e.TargetObject);
        });
    }

    [Fact]
    public void A_request_that_is_not_json_is_an_error_of_its_item_and_nothing_is_sent()
    {
        var deviceId = NewPhone(simulated: true);
        var result = Run("Invoke-IoTCentralCommand -DeviceId $id -Name lightOn -Request '{ not json' -Confirm:$false -Verbose; 'went on'", ("id", deviceId));

        Assert.Equal("went on", result.Output.Single().BaseObject);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("IoTCentral.InvalidCommandRequest,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal("{ not json", error.TargetObject);
        Assert.False(SentAnyRequest(result));
    }
}
