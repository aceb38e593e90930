using System.Net;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

/// <summary>Every response of the device template and device data routes validates against the official GA spec's schema.</summary>
public sealed class DeviceDataContractTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private ApiClient Admin => fixture.Admin;

    [Fact]
    public async Task SchemaValidation_CatchesBrokenDataShapes()
    {
        Assert.NotEmpty(await SpecSchemas.ValidateAsync("DeviceTemplate", """{"@id":"dtmi:a:b;1","capabilityModel":{}}"""));
        Assert.NotEmpty(await SpecSchemas.ValidateAsync("DeviceTemplate", """{"@type":"ModelDefinition","capabilityModel":{}}"""));
        Assert.NotEmpty(await SpecSchemas.ValidateAsync("DeviceCommand", """{"responseTimeout":2}"""));
        Assert.NotEmpty(await SpecSchemas.ValidateAsync("DeviceTelemetry", """{"timestamp":"yesterday"}"""));
        Assert.NotEmpty(await SpecSchemas.ValidateAsync("Collection", """{"value":[1]}"""));
    }

    [Theory]
    [InlineData("2022-07-31")]
    [InlineData("2022-10-31-preview")]
    public async Task TemplateAndDeviceDataRoutes_MatchSchema(string apiVersion)
    {
        string Url(string path) => $"/api{path}?api-version={apiVersion}";
        var template = $"/deviceTemplates/{Uri.EscapeDataString(TestModels.EverythingId)}";
        var deviceId = "contract-data-" + apiVersion;

        await AssertBodyAsync(await Admin.PutAsync(Url(template), TestModels.Everything().ToJsonString()), HttpStatusCode.OK, "DeviceTemplate");
        await AssertBodyAsync(await Admin.GetAsync(Url(template)), HttpStatusCode.OK, "DeviceTemplate");
        await AssertBodyAsync(await Admin.PatchAsync(Url(template), new { displayName = "Everything" }), HttpStatusCode.OK, "DeviceTemplate");
        await AssertBodyAsync(await Admin.GetAsync(Url("/deviceTemplates")), HttpStatusCode.OK, "DeviceTemplateCollection");
        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsync(Url($"/devices/{deviceId}"), new { template = TestModels.EverythingId, simulated = true })).Status);

        await AssertBodyAsync(await Admin.GetAsync(Url($"/devices/{deviceId}/components")), HttpStatusCode.OK, "Collection");
        await AssertBodyAsync(await Admin.GetAsync(Url($"/devices/{deviceId}/modules")), HttpStatusCode.OK, "Collection");
        await AssertBodyAsync(await Admin.GetAsync(Url($"/devices/{deviceId}/modules/camera/components")), HttpStatusCode.OK, "Collection");

        foreach (var (level, property, value) in new[]
                 {
                     ("", "targetTemperature", "20"), ("/components/settings", "fanSpeed", "3"),
                     ("/modules/camera", "fps", "25"), ("/modules/camera/components/lens", "zoom", "1.5"),
                 })
        {
            var prefix = $"/devices/{deviceId}{level}";
            await AssertBodyAsync(await Admin.GetAsync(Url(prefix + "/properties")), HttpStatusCode.OK, "DeviceProperties");
            await AssertBodyAsync(await Admin.PutAsync(Url(prefix + "/properties"), $"{{\"{property}\":{value}}}"), HttpStatusCode.Accepted, "DeviceProperties");
            await AssertBodyAsync(await Admin.PatchAsync(Url(prefix + "/properties"), $"{{\"{property}\":{value}}}"), HttpStatusCode.Accepted, "DeviceProperties");
        }

        foreach (var (telemetry, command) in new[]
                 {
                     ("/telemetry/temperature", "/commands/reboot"), ("/components/settings/telemetry/accelerometer", "/components/settings/commands/calibrate"),
                     ("/modules/camera/telemetry/frames", "/modules/camera/commands/snap"),
                     ("/modules/camera/components/lens/telemetry/focus", "/modules/camera/components/lens/commands/clean"),
                 })
        {
            await AssertBodyAsync(await Admin.GetAsync(Url($"/devices/{deviceId}{telemetry}")), HttpStatusCode.OK, "DeviceTelemetry");
            await AssertBodyAsync(await Admin.SendAsync(HttpMethod.Post, Url($"/devices/{deviceId}{command}"), """{"connectionTimeout":0,"responseTimeout":10}"""),
                HttpStatusCode.Created, "DeviceCommand");
            await AssertBodyAsync(await Admin.GetAsync(Url($"/devices/{deviceId}{command}")), HttpStatusCode.OK, "DeviceCommandCollection");
        }

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync(Url($"/devices/{deviceId}"))).Status);
    }

    public static TheoryData<string, string, string?, HttpStatusCode> FailingRequests => new()
    {
        { "GET", "/api/deviceTemplates", null, HttpStatusCode.BadRequest },
        { "PUT", DeviceTemplates.Url("dtmi:test:contract;1"), "{}", HttpStatusCode.BadRequest },
        { "PUT", DeviceTemplates.Url("dtmi:test:contract;1"), "[]", HttpStatusCode.BadRequest },
        { "GET", DeviceTemplates.Url("dtmi:test:missing;1"), null, HttpStatusCode.NotFound },
        { "DELETE", DeviceTemplates.Url("dtmi:test:missing;1"), null, HttpStatusCode.NotFound },
        { "GET", ApiClient.Api("/devices/missing/properties"), null, HttpStatusCode.NotFound },
        { "GET", ApiClient.Api("/devices/missing/components"), null, HttpStatusCode.NotFound },
        { "GET", ApiClient.Api("/devices/missing/telemetry/t"), null, HttpStatusCode.NotFound },
        { "POST", ApiClient.Api("/devices/missing/commands/c"), "{}", HttpStatusCode.NotFound },
        { "POST", ApiClient.Api("/devices/missing/commands/c"), """{"responseTimeout":1}""", HttpStatusCode.BadRequest },
        { "DELETE", ApiClient.Api("/devices/missing/properties"), null, HttpStatusCode.MethodNotAllowed },
        { "POST", "/device-api/devices/missing/telemetry", "{}", HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(FailingRequests))]
    public async Task Errors_MatchSchema(string method, string url, string? body, HttpStatusCode status)
    {
        await ErrorAssert.IsErrorAsync(await Admin.SendAsync(new HttpMethod(method), url, body), status);
    }

    private static async Task AssertBodyAsync(ApiResponse response, HttpStatusCode status, string definition)
    {
        Assert.True(response.Status == status, response.ToString());
        Assert.Equal("application/json", response.MediaType);
        Assert.True(Guid.TryParse(response.Header("x-ms-request-id"), out _), "x-ms-request-id is missing");
        await SpecSchemas.AssertValidAsync(definition, response.Body);
    }
}
