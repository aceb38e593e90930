using System.Net;
using System.Security.Cryptography;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

public sealed class DeviceFeedTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static readonly object Reading = new { component = "sensors", values = new { barometer = 1000.5 } };

    private ApiClient Admin => fixture.Admin;

    [Fact]
    public async Task Signature_WithTheDevicesKey_IsAccepted_AndMarksTheDeviceProvisioned()
    {
        var deviceId = await DeviceTemplates.CreatePhoneAsync(Admin, "signed-phone", simulated: false);
        var device = await DeviceFeed.ClientAsync(Admin, deviceId);

        await DeviceFeed.SendTelemetryAsync(device, deviceId, Reading);

        Assert.True((await Admin.GetAsync(ApiClient.Api($"/devices/{deviceId}"))).Json.GetProperty("provisioned").GetBoolean());
        Assert.StartsWith($"SharedAccessSignature sr={DeviceFeedSignature.DevelopmentIdScope}%2Fdevices%2Fsigned-phone&sig=", device.Token);
    }

    [Fact]
    public async Task Signature_WithTheSecondaryKeyOrLowercaseEscapes_IsAccepted()
    {
        var deviceId = await DeviceTemplates.CreatePhoneAsync(Admin, "secondary-phone", simulated: false);
        var secondary = (await Admin.GetAsync(ApiClient.Api($"/devices/{deviceId}/credentials"))).Json
            .GetProperty("symmetricKey").GetProperty("secondaryKey").GetString()!;
        var expiry = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds().ToString();
        var sr = $"{DeviceFeedSignature.DevelopmentIdScope}%2fdevices%2f{deviceId}";
        var sig = Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(secondary), System.Text.Encoding.UTF8.GetBytes($"{sr}\n{expiry}")));
        var handMade = Admin.WithToken($"SharedAccessSignature sr={sr}&sig={Uri.EscapeDataString(sig)}&se={expiry}");

        var response = await handMade.SendAsync(HttpMethod.Post, DeviceFeed.Url(deviceId, "/telemetry"), Reading);

        Assert.Equal(HttpStatusCode.NoContent, response.Status);
    }

    [Fact]
    public async Task WrongKeyOtherDeviceExpiredOrMissingSignature_Are401()
    {
        var deviceId = await DeviceTemplates.CreatePhoneAsync(Admin, "guarded-phone", simulated: false);
        var otherId = await DeviceTemplates.CreatePhoneAsync(Admin, "other-phone", simulated: false);
        var url = DeviceFeed.Url(deviceId, "/telemetry");
        var wrongKey = Admin.WithToken(DeviceFeedSignature.Create(deviceId, Convert.ToBase64String(new byte[64]), DateTimeOffset.UtcNow.AddHours(1)));
        var otherDevice = await DeviceFeed.ClientAsync(Admin, otherId);
        var expired = await DeviceFeed.ClientAsync(Admin, deviceId, DateTimeOffset.UtcNow.AddMinutes(-1));

        Assert.Contains("does not match", await ErrorAssert.IsErrorAsync(await wrongKey.SendAsync(HttpMethod.Post, url, Reading), HttpStatusCode.Unauthorized));
        Assert.Contains("not for", await ErrorAssert.IsErrorAsync(await otherDevice.SendAsync(HttpMethod.Post, url, Reading), HttpStatusCode.Unauthorized));
        await ErrorAssert.IsErrorAsync(await expired.SendAsync(HttpMethod.Post, url, Reading), HttpStatusCode.Unauthorized);
        Assert.Equal("ExpiredToken", (await expired.SendAsync(HttpMethod.Post, url, Reading)).Json.GetProperty("error").GetProperty("code").GetString());
        await ErrorAssert.IsErrorAsync(await Admin.WithToken(null).SendAsync(HttpMethod.Post, url, Reading), HttpStatusCode.Unauthorized);
        await ErrorAssert.IsErrorAsync(await Admin.SendAsync(HttpMethod.Post, url, Reading), HttpStatusCode.Unauthorized); // an API token is not a device signature
        Assert.False((await Admin.GetAsync(ApiClient.Api($"/devices/{deviceId}"))).Json.GetProperty("provisioned").GetBoolean());
    }

    [Fact]
    public async Task UnknownDevice_Is404()
    {
        var unknown = Admin.WithToken(DeviceFeedSignature.Create("ghost", Convert.ToBase64String(new byte[64]), DateTimeOffset.UtcNow.AddHours(1)));

        await ErrorAssert.IsErrorAsync(await unknown.SendAsync(HttpMethod.Post, DeviceFeed.Url("ghost", "/telemetry"), Reading), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ReportedProperties_AreCheckedAgainstTheTemplate()
    {
        var deviceId = await DeviceTemplates.CreatePhoneAsync(Admin, "reporting-phone", simulated: false);
        var device = await DeviceFeed.ClientAsync(Admin, deviceId);
        var url = DeviceFeed.Url(deviceId, "/properties");

        await DeviceFeed.ReportAsync(device, deviceId, new { component = "device_info", values = new { manufacturer = "Contoso", totalMemory = 8192 } });

        var info = (await Admin.GetAsync(ApiClient.Api($"/devices/{deviceId}/components/device_info/properties"))).Json;
        Assert.Equal("Contoso", info.GetProperty("manufacturer").GetString());
        Assert.Equal(8192, info.GetProperty("totalMemory").GetDouble());
        Assert.Contains("cloud property", await ErrorAssert.IsErrorAsync(
            await device.SendAsync(HttpMethod.Patch, url, new { values = new { owner = "me" } }), HttpStatusCode.BadRequest));
        Assert.Contains("must be string", await ErrorAssert.IsErrorAsync(
            await device.SendAsync(HttpMethod.Patch, url, new { component = "device_info", values = new { model = 5 } }), HttpStatusCode.BadRequest));
    }
}
