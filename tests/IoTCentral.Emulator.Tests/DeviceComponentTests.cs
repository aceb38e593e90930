using System.Net;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

public sealed class DeviceComponentTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private ApiClient Admin => fixture.Admin;

    private async Task<IReadOnlyList<string?>> NamesAsync(string path)
    {
        var response = await Admin.GetAsync(ApiClient.Api(path));
        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
        await SpecSchemas.AssertValidAsync("Collection", response.Body);
        return response.Json.GetProperty("value").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
    }

    [Fact]
    public async Task Components_ComeFromTheTemplate()
    {
        var deviceId = await DeviceTemplates.CreatePhoneAsync(Admin, "component-phone", simulated: false);

        Assert.Equal(["device_info", "sensors"], await NamesAsync($"/devices/{deviceId}/components"));
        Assert.Empty(await NamesAsync($"/devices/{deviceId}/modules"));

        var sensors = (await Admin.GetAsync(ApiClient.Api($"/devices/{deviceId}/components"))).Json.GetProperty("value")[1];
        Assert.Equal("Component", sensors.GetProperty("@type")[0].GetString());
        Assert.Equal("Sensors", sensors.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task Modules_AndTheirComponents_ComeFromAnEdgeTemplate()
    {
        var deviceId = await TestModels.CreateDeviceAsync(Admin, "edge-device", simulated: false);

        Assert.Equal(["camera"], await NamesAsync($"/devices/{deviceId}/modules"));
        Assert.Equal(["lens"], await NamesAsync($"/devices/{deviceId}/modules/camera/components"));
        Assert.Equal(["settings"], await NamesAsync($"/devices/{deviceId}/components"));
        var module = (await Admin.GetAsync(ApiClient.Api($"/devices/{deviceId}/modules"))).Json.GetProperty("value")[0];
        Assert.Equal(["Relationship", "EdgeModule"], module.GetProperty("@type").EnumerateArray().Select(t => t.GetString()));
        await ErrorAssert.IsErrorAsync(await Admin.GetAsync(ApiClient.Api($"/devices/{deviceId}/modules/nope/components")), HttpStatusCode.NotFound);
    }
}
