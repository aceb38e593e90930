using System.Net;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

public sealed class ApiVersionTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Theory]
    [InlineData("/api/roles")]
    [InlineData("/api/devices/some-device")]
    [InlineData("/api/roles?api-version=")]
    public async Task MissingApiVersion_Is400(string url)
    {
        var message = await ErrorAssert.IsErrorAsync(await fixture.Admin.GetAsync(url), HttpStatusCode.BadRequest);
        Assert.Contains("api-version", message);
        Assert.Equal("MissingApiVersionParameter", (await fixture.Admin.GetAsync(url)).Header("x-ms-error-code"));
    }

    [Theory]
    [InlineData("2019-01-01")]
    [InlineData("1.0")]
    [InlineData("2022-07-31-preview")]
    public async Task UnknownApiVersion_Is400(string version)
    {
        var response = await fixture.Admin.GetAsync($"/api/roles?api-version={version}");
        var message = await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(version, message);
        Assert.Equal("InvalidApiVersionParameter", response.Header("x-ms-error-code"));
    }

    [Theory]
    [InlineData("2022-07-31")]
    [InlineData("2022-10-31-preview")]
    [InlineData("2022-05-31")]
    [InlineData("2022-06-30-preview")]
    public async Task SupportedApiVersions_AreAccepted(string version)
    {
        var response = await fixture.Admin.GetAsync($"/api/roles?api-version={version}");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(6, response.Json.GetProperty("value").GetArrayLength());
    }
}
