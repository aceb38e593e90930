using System.Net;
using System.Text.Json;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

public sealed class DevicePropertiesTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private ApiClient Admin => fixture.Admin;

    private static string Url(string deviceId, string level = "") => ApiClient.Api($"/devices/{deviceId}{level}/properties");

    private async Task<JsonElement> PatchAsync(string deviceId, string level, string body)
    {
        var response = await Admin.PatchAsync(Url(deviceId, level), body);
        Assert.True(response.Status == HttpStatusCode.Accepted, response.ToString());
        await SpecSchemas.AssertValidAsync("DeviceProperties", response.Body);
        return response.Json;
    }

    [Theory]
    [MemberData(nameof(TestModels.Levels), MemberType = typeof(TestModels))]
    public async Task NonSimulatedDevice_KeepsDesiredValuesPending_AtEveryLevel(string level, string property, string value)
    {
        var deviceId = await TestModels.CreateDeviceAsync(Admin, "pending" + level.Replace('/', '-'), simulated: false);
        Assert.Equal("{}", (await Admin.GetAsync(Url(deviceId, level))).Body);

        var written = await PatchAsync(deviceId, level, $"{{\"{property}\":{value}}}");

        var metadata = written.GetProperty("$metadata").GetProperty(property);
        Assert.Equal(value, metadata.GetProperty("desiredValue").GetRawText());
        Assert.True(metadata.GetProperty("desiredVersion").GetInt64() >= 1);
        Assert.False(metadata.TryGetProperty("ackCode", out _));
        Assert.False(written.TryGetProperty(property, out _));
        Assert.Equal(written.GetRawText(), (await Admin.GetAsync(Url(deviceId, level))).Json.GetRawText());
    }

    [Theory]
    [MemberData(nameof(TestModels.Levels), MemberType = typeof(TestModels))]
    public async Task SimulatedDevice_AcknowledgesDesiredValuesAtOnce_AtEveryLevel(string level, string property, string value)
    {
        var deviceId = await TestModels.CreateDeviceAsync(Admin, "acked" + level.Replace('/', '-'), simulated: true);

        var written = await PatchAsync(deviceId, level, $"{{\"{property}\":{value}}}");

        Assert.Equal(value, written.GetProperty(property).GetRawText());
        var metadata = written.GetProperty("$metadata").GetProperty(property);
        Assert.Equal(200, metadata.GetProperty("ackCode").GetInt32());
        Assert.Equal(metadata.GetProperty("desiredVersion").GetInt64(), metadata.GetProperty("ackVersion").GetInt64());
        Assert.Equal("completed", metadata.GetProperty("ackDescription").GetString());
        Assert.True(DateTimeOffset.TryParse(metadata.GetProperty("lastUpdateTime").GetString(), out _));
    }

    [Fact]
    public async Task SimulatedDevice_ReportsGeneratedValuesThatFitTheSchemas()
    {
        var deviceId = await TestModels.CreateDeviceAsync(Admin, "generated", simulated: true);

        var properties = (await Admin.GetAsync(Url(deviceId))).Json;

        Assert.Equal(JsonValueKind.String, properties.GetProperty("serial").ValueKind);
        Assert.Contains(properties.GetProperty("mode").GetInt32(), new[] { 0, 1 });
        Assert.Equal(JsonValueKind.Number, properties.GetProperty("targetTemperature").ValueKind);
        Assert.False(properties.TryGetProperty("owner", out _)); // cloud properties are not simulated
        var settings = properties.GetProperty("settings");
        Assert.Contains(settings.GetProperty("irSwitch").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
        Assert.Equal(JsonValueKind.Number, settings.GetProperty("schedule").GetProperty("days").ValueKind);
        Assert.Equal(properties.GetRawText(), (await Admin.GetAsync(Url(deviceId))).Json.GetRawText());
    }

    [Fact]
    public async Task Patch_Merges_AndPutReplaces()
    {
        var deviceId = await TestModels.CreateDeviceAsync(Admin, "merged", simulated: false);
        await PatchAsync(deviceId, "", """{"targetTemperature":20}""");

        var merged = await PatchAsync(deviceId, "", """{"mode":1,"settings":{"fanSpeed":10}}""");
        Assert.True(merged.GetProperty("$metadata").TryGetProperty("targetTemperature", out _));
        Assert.Equal(1, merged.GetProperty("$metadata").GetProperty("mode").GetProperty("desiredValue").GetInt32());
        Assert.Equal(10, merged.GetProperty("settings").GetProperty("$metadata").GetProperty("fanSpeed").GetProperty("desiredValue").GetDouble());

        var replaced = await Admin.PutAsync(Url(deviceId), """{"mode":0}""");
        Assert.Equal(HttpStatusCode.Accepted, replaced.Status);
        var metadata = replaced.Json.GetProperty("$metadata");
        Assert.False(metadata.TryGetProperty("targetTemperature", out _));
        Assert.Equal(0, metadata.GetProperty("mode").GetProperty("desiredValue").GetInt32());
        Assert.False(replaced.Json.TryGetProperty("settings", out _));

        var removed = await PatchAsync(deviceId, "", """{"mode":null}""");
        Assert.Equal("{}", removed.GetRawText());
    }

    [Fact]
    public async Task CloudProperty_IsStoredAtOnce_WithoutDesiredState()
    {
        var deviceId = await TestModels.CreateDeviceAsync(Admin, "cloudy", simulated: false);

        var written = await PatchAsync(deviceId, "", """{"owner":"Contoso"}""");

        Assert.Equal("Contoso", written.GetProperty("owner").GetString());
        Assert.False(written.GetProperty("$metadata").GetProperty("owner").TryGetProperty("desiredValue", out _));
    }

    [Fact]
    public async Task NonSimulatedDevice_AcknowledgesWhenItReportsThroughTheFeed()
    {
        var deviceId = await TestModels.CreateDeviceAsync(Admin, "reporter", simulated: false);
        var desired = await PatchAsync(deviceId, "/components/settings", """{"fanSpeed":42}""");
        var version = desired.GetProperty("$metadata").GetProperty("fanSpeed").GetProperty("desiredVersion").GetInt64();
        Assert.False((await Admin.GetAsync(ApiClient.Api($"/devices/{deviceId}"))).Json.GetProperty("provisioned").GetBoolean());

        var device = await DeviceFeed.ClientAsync(Admin, deviceId);
        await DeviceFeed.ReportAsync(device, deviceId, new { component = "settings", values = new { fanSpeed = 42 } });
        await DeviceFeed.ReportAsync(device, deviceId, new { values = new { serial = "SN-1" } });

        var properties = (await Admin.GetAsync(Url(deviceId))).Json;
        Assert.Equal("SN-1", properties.GetProperty("serial").GetString());
        var fanSpeed = properties.GetProperty("settings").GetProperty("$metadata").GetProperty("fanSpeed");
        Assert.Equal(42, properties.GetProperty("settings").GetProperty("fanSpeed").GetDouble());
        Assert.Equal(version, fanSpeed.GetProperty("ackVersion").GetInt64());
        Assert.Equal(200, fanSpeed.GetProperty("ackCode").GetInt32());
        Assert.True((await Admin.GetAsync(ApiClient.Api($"/devices/{deviceId}"))).Json.GetProperty("provisioned").GetBoolean());
    }

    public static TheoryData<string, string, string> InvalidBodies => new()
    {
        { "", """{"nothing":1}""", "'nothing' is not a property of the device" },
        { "", """{"serial":"x"}""", "'serial' is a read-only property" },
        { "", """{"temperature":1}""", "'temperature' is a telemetry of the device, not a property" },
        { "", """{"targetTemperature":"warm"}""", "'targetTemperature' must be double" },
        { "", """{"mode":7}""", "'mode' must be enum of integer (0, 1)" },
        { "", """{"settings":5}""", "'settings' is a component" },
        { "/components/settings", """{"irSwitch":"yes"}""", "'settings.irSwitch' must be boolean" },
        { "/components/settings", """{"schedule":{"start":"soon"}}""", "'settings.schedule.start' must be dateTime" },
        { "/components/settings", """{"schedule":{"weeks":1}}""", "'settings.schedule.weeks' is not a field" },
        { "/modules/camera", """{"fps":29.97}""", "'camera/fps' must be integer" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task InvalidValues_Are400_NamingTheProperty(string level, string body, string expected)
    {
        var deviceId = await TestModels.CreateDeviceAsync(Admin, "invalid-values", simulated: true);

        var message = await ErrorAssert.IsErrorAsync(await Admin.PatchAsync(Url(deviceId, level), body), HttpStatusCode.BadRequest);

        Assert.Contains(expected, message);
    }

    [Fact]
    public async Task DevicesWithoutAPublishedTemplate_Are400_AndUnknownLevels404()
    {
        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsync(ApiClient.Api("/devices/no-template"), new { })).Status);
        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsync(ApiClient.Api("/devices/missing-template"), new { template = "dtmi:test:notPublished;1" })).Status);
        var deviceId = await TestModels.CreateDeviceAsync(Admin, "levels", simulated: false);

        Assert.Contains("has no device template", await ErrorAssert.IsErrorAsync(await Admin.GetAsync(Url("no-template")), HttpStatusCode.BadRequest));
        Assert.Contains("'dtmi:test:notPublished;1', which does not exist",
            await ErrorAssert.IsErrorAsync(await Admin.GetAsync(Url("missing-template")), HttpStatusCode.BadRequest));
        Assert.Contains("no component 'nope'", await ErrorAssert.IsErrorAsync(await Admin.GetAsync(Url(deviceId, "/components/nope")), HttpStatusCode.NotFound));
        Assert.Contains("no module 'nope'", await ErrorAssert.IsErrorAsync(await Admin.GetAsync(Url(deviceId, "/modules/nope")), HttpStatusCode.NotFound));
        await ErrorAssert.IsErrorAsync(await Admin.GetAsync(Url("no-such-device")), HttpStatusCode.NotFound);
    }
}
