using System.Net;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

public sealed class DeviceDataAuthorizationTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static readonly object LightOn = new { request = new { duration = 3, delay = 1, pulses = 2 } };

    [Fact]
    public async Task Operator_RunsCommandsAndSetsProperties_ButCannotManageTemplates()
    {
        var deviceId = await DeviceTemplates.CreatePhoneAsync(fixture.Admin, "operated-phone", simulated: true);
        var client = await fixture.Emulator.CreateTokenClientAsync("data-operator", RoleIds.Operator);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(DeviceTemplates.Url(DeviceTemplates.PhoneId))).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ApiClient.Api("/deviceTemplates"))).Status);
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(HttpMethod.Post, ApiClient.Api($"/devices/{deviceId}/commands/lightOn"), LightOn)).Status);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PatchAsync(ApiClient.Api($"/devices/{deviceId}/properties"), new { telemetryInterval = 10 })).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ApiClient.Api($"/devices/{deviceId}/components/sensors/telemetry/battery"))).Status);

        const string id = "dtmi:test:byOperator;1";
        await ErrorAssert.IsErrorAsync(await client.PutAsync(DeviceTemplates.Url(id), DeviceTemplates.WithContents(id).ToJsonString()), HttpStatusCode.Forbidden);
        await ErrorAssert.IsErrorAsync(await client.PatchAsync(DeviceTemplates.Url(DeviceTemplates.PhoneId), new { displayName = "x" }), HttpStatusCode.Forbidden);
        await ErrorAssert.IsErrorAsync(await client.DeleteAsync(DeviceTemplates.Url(DeviceTemplates.PhoneId)), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Builder_ManagesTemplates()
    {
        var client = await fixture.Emulator.CreateTokenClientAsync("data-builder", RoleIds.Builder);
        const string id = "dtmi:test:byBuilder;1";

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync(DeviceTemplates.Url(id), DeviceTemplates.WithContents(id).ToJsonString())).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(DeviceTemplates.Url(id))).Status);
    }

    [Fact]
    public async Task OrgViewer_ReadsDeviceData_ButCannotChangeIt()
    {
        var deviceId = await DeviceTemplates.CreatePhoneAsync(fixture.Admin, "viewed-phone", simulated: true);
        var client = await fixture.Emulator.CreateTokenClientAsync("data-viewer", RoleIds.OrgViewer);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ApiClient.Api($"/devices/{deviceId}/properties"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ApiClient.Api($"/devices/{deviceId}/commands/lightOn"))).Status);
        await ErrorAssert.IsErrorAsync(await client.SendAsync(HttpMethod.Post, ApiClient.Api($"/devices/{deviceId}/commands/lightOn"), LightOn), HttpStatusCode.Forbidden);
        await ErrorAssert.IsErrorAsync(await client.PatchAsync(ApiClient.Api($"/devices/{deviceId}/properties"), new { telemetryInterval = 10 }), HttpStatusCode.Forbidden);
    }
}
