using System.Diagnostics;
using System.Net;
using System.Text.Json;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

public sealed class DeviceCommandTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static readonly object LightOn = new { request = new { duration = 3, delay = 1, pulses = 2 } };

    private ApiClient Admin => fixture.Admin;

    private static string Url(string deviceId, string path) => ApiClient.Api($"/devices/{deviceId}{path}");

    [Fact]
    public async Task SimulatedPhone_AnswersLightOn_WithAResponseMatchingItsSchema()
    {
        var deviceId = await DeviceTemplates.CreatePhoneAsync(Admin, "light-phone", simulated: true);

        var response = await Admin.SendAsync(HttpMethod.Post, Url(deviceId, "/commands/lightOn"), LightOn);

        Assert.True(response.Status == HttpStatusCode.Created, response.ToString());
        await SpecSchemas.AssertValidAsync("DeviceCommand", response.Body);
        var command = response.Json;
        Assert.True(Guid.TryParse(command.GetProperty("id").GetString(), out _));
        Assert.Equal(200, command.GetProperty("responseCode").GetInt32());
        Assert.Equal(0, command.GetProperty("connectionTimeout").GetInt32());
        Assert.Equal(30, command.GetProperty("responseTimeout").GetInt32());
        Assert.Equal(2, command.GetProperty("request").GetProperty("pulses").GetInt32());
        var result = command.GetProperty("response");
        Assert.True(DateTimeOffset.TryParse(result.GetProperty("completedAt").GetString(), out _));
        Assert.InRange(result.GetProperty("pulsesDone").GetInt32(), 1, 10);
    }

    [Theory]
    [InlineData("""{"connectionTimeout":31}""", "'connectionTimeout' must be a whole number of seconds from 0 to 30")]
    [InlineData("""{"connectionTimeout":-1}""", "'connectionTimeout'")]
    [InlineData("""{"responseTimeout":4}""", "'responseTimeout' must be a whole number of seconds from 5 to 30")]
    [InlineData("""{"responseTimeout":31}""", "'responseTimeout'")]
    [InlineData("""{"responseTimeout":"10"}""", "'responseTimeout'")]
    [InlineData("""{"request":{"duration":"long"}}""", "'request.duration' must be integer")]
    public async Task InvalidBodies_Are400(string body, string expected)
    {
        var deviceId = await DeviceTemplates.CreatePhoneAsync(Admin, "bad-command-phone", simulated: true);

        var message = await ErrorAssert.IsErrorAsync(await Admin.SendAsync(HttpMethod.Post, Url(deviceId, "/commands/lightOn"), body), HttpStatusCode.BadRequest);

        Assert.Contains(expected, message);
    }

    [Fact]
    public async Task UnknownCommand_Is404()
    {
        var deviceId = await DeviceTemplates.CreatePhoneAsync(Admin, "unknown-command-phone", simulated: true);

        var message = await ErrorAssert.IsErrorAsync(await Admin.SendAsync(HttpMethod.Post, Url(deviceId, "/commands/lightOff"), LightOn), HttpStatusCode.NotFound);

        Assert.Contains("lightOn", message);
        await ErrorAssert.IsErrorAsync(await Admin.GetAsync(Url(deviceId, "/commands/lightOff")), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UnconnectedDevice_TimesOutAfterTheConnectionTimeout()
    {
        var deviceId = await DeviceTemplates.CreatePhoneAsync(Admin, "offline-phone", simulated: false);

        var watch = Stopwatch.StartNew();
        var immediate = await Admin.SendAsync(HttpMethod.Post, Url(deviceId, "/commands/lightOn"), LightOn);
        var elapsedImmediate = watch.Elapsed;
        var waited = await Admin.SendAsync(HttpMethod.Post, Url(deviceId, "/commands/lightOn"), """{"connectionTimeout":1}""");

        var message = await ErrorAssert.IsErrorAsync(immediate, HttpStatusCode.RequestTimeout);
        Assert.Equal("RequestTimeout", immediate.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("offline-phone", message);
        Assert.True(elapsedImmediate < TimeSpan.FromSeconds(1), $"took {elapsedImmediate}");
        await ErrorAssert.IsErrorAsync(waited, HttpStatusCode.RequestTimeout);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1));
        Assert.Equal("""{"value":[]}""", (await Admin.GetAsync(Url(deviceId, "/commands/lightOn"))).Body);
    }

    [Fact]
    public async Task DeviceWithARegisteredHandler_AnswersWithIt_UntilRemoved()
    {
        var deviceId = await DeviceTemplates.CreatePhoneAsync(Admin, "handler-phone", simulated: false);
        var device = await DeviceFeed.ClientAsync(Admin, deviceId);
        var handlerUrl = DeviceFeed.Url(deviceId, "/commands/lightOn");

        var registered = await device.PutAsync(handlerUrl, new { responseCode = 202, response = new { completedAt = "2024-01-01T00:00:00Z", pulsesDone = 2 } });
        Assert.Equal(HttpStatusCode.NoContent, registered.Status);
        var answered = await Admin.SendAsync(HttpMethod.Post, Url(deviceId, "/commands/lightOn"), LightOn);

        Assert.Equal(HttpStatusCode.Created, answered.Status);
        Assert.Equal(202, answered.Json.GetProperty("responseCode").GetInt32());
        Assert.Equal(2, answered.Json.GetProperty("response").GetProperty("pulsesDone").GetInt32());
        Assert.True((await Admin.GetAsync(ApiClient.Api($"/devices/{deviceId}"))).Json.GetProperty("provisioned").GetBoolean());

        Assert.Contains("'response.pulsesDone' must be integer", await ErrorAssert.IsErrorAsync(
            await device.PutAsync(handlerUrl, new { response = new { pulsesDone = "two" } }), HttpStatusCode.BadRequest));
        Assert.Equal(HttpStatusCode.NoContent, (await device.DeleteAsync(handlerUrl)).Status);
        await ErrorAssert.IsErrorAsync(await Admin.SendAsync(HttpMethod.Post, Url(deviceId, "/commands/lightOn"), LightOn), HttpStatusCode.RequestTimeout);
    }

    [Fact]
    public async Task History_IsNewestFirst_AndPaged()
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { PageSize = 2 });
        var deviceId = await DeviceTemplates.CreatePhoneAsync(emulator.Admin, "history-phone", simulated: true);
        var ids = new List<string>();
        foreach (var pulses in Enumerable.Range(1, 5))
        {
            var run = await emulator.Admin.SendAsync(HttpMethod.Post, Url(deviceId, "/commands/lightOn"), new { request = new { pulses } });
            ids.Add(run.Json.GetProperty("id").GetString()!);
        }

        var pages = await emulator.Admin.GetAllPagesAsync(Url(deviceId, "/commands/lightOn"));

        Assert.Equal(3, pages.Count);
        foreach (var page in pages)
        {
            await SpecSchemas.AssertValidAsync("DeviceCommandCollection", page.Body);
        }

        var listed = pages.SelectMany(p => p.Json.GetProperty("value").EnumerateArray()).ToList();
        Assert.Equal(Enumerable.Reverse(ids), listed.Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(5, listed[0].GetProperty("request").GetProperty("pulses").GetInt32());
    }

    [Theory]
    [InlineData("/commands/reboot", """{"request":5}""")]
    [InlineData("/components/settings/commands/calibrate", "{}")]
    [InlineData("/modules/camera/commands/snap", "{}")]
    [InlineData("/modules/camera/components/lens/commands/clean", "{}")]
    public async Task Commands_RunAtEveryLevel_AndHistoryKeepsThemApart(string path, string body)
    {
        var deviceId = await TestModels.CreateDeviceAsync(Admin, "command-levels" + path.Length, simulated: true);

        var run = await Admin.SendAsync(HttpMethod.Post, Url(deviceId, path), body);

        Assert.Equal(HttpStatusCode.Created, run.Status);
        await SpecSchemas.AssertValidAsync("DeviceCommand", run.Body);
        var history = (await Admin.GetAsync(Url(deviceId, path))).Json.GetProperty("value");
        Assert.Equal(run.Json.GetProperty("id").GetString(), Assert.Single(history.EnumerateArray()).GetProperty("id").GetString());
        if (path.Contains("calibrate"))
        {
            Assert.Contains(run.Json.GetProperty("response").GetProperty("ok").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
        }
    }
}
