using System.Net;
using System.Text.Json;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

public sealed class DeviceTelemetryTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private ApiClient Admin => fixture.Admin;

    private static string Url(string deviceId, string path) => ApiClient.Api($"/devices/{deviceId}{path}");

    [Fact]
    public async Task SimulatedPhone_HasAVectorAccelerometer_AndABarometerInRange()
    {
        var deviceId = await DeviceTemplates.CreatePhoneAsync(Admin, "sim-phone", simulated: true);

        var accelerometer = await Admin.GetAsync(Url(deviceId, "/components/sensors/telemetry/accelerometer"));
        var barometer = (await Admin.GetAsync(Url(deviceId, "/components/sensors/telemetry/barometer"))).Json;

        Assert.Equal(HttpStatusCode.OK, accelerometer.Status);
        await SpecSchemas.AssertValidAsync("DeviceTelemetry", accelerometer.Body);
        var value = accelerometer.Json.GetProperty("value");
        foreach (var axis in new[] { "x", "y", "z" })
        {
            Assert.InRange(value.GetProperty(axis).GetDouble(), -10, 10);
        }

        Assert.InRange(barometer.GetProperty("value").GetDouble(), 950, 1050);
        var timestamp = DateTimeOffset.Parse(barometer.GetProperty("timestamp").GetString()!);
        Assert.InRange(timestamp, DateTimeOffset.UtcNow.AddSeconds(-30), DateTimeOffset.UtcNow.AddSeconds(5));
    }

    [Fact]
    public async Task Simulation_IsDeterministicWithAFakeClock_AndMovesWithIt()
    {
        var clock = new FakeClock(new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero));
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Clock = clock });
        const string path = "/components/sensors/telemetry/magnetometer";
        await DeviceTemplates.CreatePhoneAsync(emulator.Admin, "same-phone", simulated: true);
        var first = (await emulator.Admin.GetAsync(Url("same-phone", path))).Body;

        // The values come from the device id and the clock only: a device re-created with the same id sees the same.
        Assert.Equal(HttpStatusCode.NoContent, (await emulator.Admin.DeleteAsync(Url("same-phone", ""))).Status);
        await DeviceTemplates.CreatePhoneAsync(emulator.Admin, "same-phone", simulated: true);
        Assert.Equal(first, (await emulator.Admin.GetAsync(Url("same-phone", path))).Body);
        Assert.Contains("2030-01-01T12:00:00.000Z", first);

        clock.Advance(TimeSpan.FromMinutes(1));
        var later = (await emulator.Admin.GetAsync(Url("same-phone", path))).Json;
        Assert.Equal("2030-01-01T12:01:00.000Z", later.GetProperty("timestamp").GetString());
        Assert.NotEqual(JsonDocument.Parse(first).RootElement.GetProperty("value").GetRawText(), later.GetProperty("value").GetRawText());
    }

    [Fact]
    public async Task NonSimulatedDevice_HasNoValueUntilFed_ThenTheLastOne()
    {
        var deviceId = await DeviceTemplates.CreatePhoneAsync(Admin, "fed-phone", simulated: false);
        var none = await Admin.GetAsync(Url(deviceId, "/components/sensors/telemetry/accelerometer"));
        Assert.Equal(HttpStatusCode.OK, none.Status);
        Assert.Equal("{}", none.Body);

        var device = await DeviceFeed.ClientAsync(Admin, deviceId);
        await DeviceFeed.SendTelemetryAsync(device, deviceId, new
        {
            component = "sensors", timestamp = "2024-05-04T21:59:39.153Z", values = new { accelerometer = new { x = 1, y = 2, z = 3 }, battery = 80 },
        });
        await DeviceFeed.SendTelemetryAsync(device, deviceId, new
        {
            component = "sensors", timestamp = "2024-05-04T21:59:44.153Z", values = new { accelerometer = new { x = 4, y = 5, z = 6 } },
        });

        var last = await Admin.GetAsync(Url(deviceId, "/components/sensors/telemetry/accelerometer"));
        await SpecSchemas.AssertValidAsync("DeviceTelemetry", last.Body);
        Assert.Equal("""{"value":{"x":4,"y":5,"z":6},"timestamp":"2024-05-04T21:59:44.153Z"}""", last.Body);
        Assert.Equal(80, (await Admin.GetAsync(Url(deviceId, "/components/sensors/telemetry/battery"))).Json.GetProperty("value").GetInt32());
    }

    [Fact]
    public async Task UnknownTelemetry_Is404_AndBadFeedIs400()
    {
        var deviceId = await DeviceTemplates.CreatePhoneAsync(Admin, "unknown-telemetry", simulated: false);

        var message = await ErrorAssert.IsErrorAsync(await Admin.GetAsync(Url(deviceId, "/components/sensors/telemetry/thermometer")), HttpStatusCode.NotFound);
        Assert.Contains("accelerometer", message);
        await ErrorAssert.IsErrorAsync(await Admin.GetAsync(Url(deviceId, "/telemetry/accelerometer")), HttpStatusCode.NotFound);

        var device = await DeviceFeed.ClientAsync(Admin, deviceId);
        var feed = DeviceFeed.Url(deviceId, "/telemetry");
        Assert.Contains("'sensors.accelerometer' must be vector",
            await ErrorAssert.IsErrorAsync(await device.SendAsync(HttpMethod.Post, feed, new { component = "sensors", values = new { accelerometer = 5 } }), HttpStatusCode.BadRequest));
        Assert.Contains("not a telemetry",
            await ErrorAssert.IsErrorAsync(await device.SendAsync(HttpMethod.Post, feed, new { component = "sensors", values = new { thermometer = 5 } }), HttpStatusCode.BadRequest));
        Assert.Contains("'values' is required",
            await ErrorAssert.IsErrorAsync(await device.SendAsync(HttpMethod.Post, feed, new { component = "sensors" }), HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("/telemetry/temperature")]
    [InlineData("/components/settings/telemetry/accelerometer")]
    [InlineData("/modules/camera/telemetry/frames")]
    [InlineData("/modules/camera/components/lens/telemetry/focus")]
    public async Task Telemetry_IsReadAtEveryLevel(string path)
    {
        var deviceId = await TestModels.CreateDeviceAsync(Admin, "telemetry-levels", simulated: true);

        var response = await Admin.GetAsync(Url(deviceId, path));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        await SpecSchemas.AssertValidAsync("DeviceTelemetry", response.Body);
        Assert.True(response.Json.TryGetProperty("value", out _), response.Body);
    }
}
