using System.Net;
using System.Text.Json.Nodes;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

public sealed class DeviceTemplateTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private ApiClient Admin => fixture.Admin;

    private static JsonObject Telemetry(string name, string schema = "double") => new() { ["@type"] = "Telemetry", ["name"] = name, ["schema"] = schema };

    [Fact]
    public async Task Put_PublishesThePhoneTemplate_AndGetReturnsIt()
    {
        var created = await Admin.PutAsync(DeviceTemplates.Url(DeviceTemplates.PhoneId), DeviceTemplates.Phone().ToJsonString());

        Assert.Equal(HttpStatusCode.OK, created.Status);
        var template = created.Json;
        Assert.Equal(DeviceTemplates.PhoneId, template.GetProperty("@id").GetString());
        Assert.Equal(["ModelDefinition", "DeviceModel"], template.GetProperty("@type").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("Phone as a device", template.GetProperty("displayName").GetString());
        Assert.False(string.IsNullOrEmpty(template.GetProperty("etag").GetString()));
        Assert.Equal(3 + 2, template.GetProperty("capabilityModel").GetProperty("contents").GetArrayLength());

        var read = await Admin.GetAsync(DeviceTemplates.Url(DeviceTemplates.PhoneId));
        Assert.Equal(created.Body, read.Body);
    }

    [Fact]
    public async Task Put_WithoutBodyId_TakesThePathId_AndDefaultsTheDisplayName()
    {
        const string id = "dtmi:test:noBodyId;1";
        var body = DeviceTemplates.WithContents(id, Telemetry("temperature"));
        body.Remove("@id");
        body.Remove("displayName");

        var created = (await Admin.PutAsync(DeviceTemplates.Url(id), body.ToJsonString())).Json;

        Assert.Equal(id, created.GetProperty("@id").GetString());
        Assert.Equal(id, created.GetProperty("displayName").GetString());
    }

    [Theory]
    [InlineData("devicetemplates_update.json")]
    public async Task Put_AcceptsTheSpecsExampleTemplate(string exampleFile)
    {
        var specDir = typeof(SpecSchemas).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "SpecDir").Value!;
        var example = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(specDir, "examples-2022-07-31", exampleFile)))!;
        var id = example["parameters"]!["deviceTemplateId"]!.GetValue<string>();

        var created = await Admin.PutAsync(DeviceTemplates.Url(id), example["parameters"]!["body"]!.ToJsonString());

        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        Assert.Equal("Test Definition Update", created.Json.GetProperty("displayName").GetString());
    }

    public static TheoryData<string, string> InvalidTemplates => new()
    {
        { """{"@type":["ModelDefinition"]}""", "capabilityModel: is required" },
        { """{"@id":"dtmi:test:other;1","@type":["ModelDefinition"],"capabilityModel":{"@id":"dtmi:test:m;1","@type":"Interface"}}""", "@id: 'dtmi:test:other;1' does not match" },
        { """{"@type":["DeviceModel"],"capabilityModel":{"@id":"dtmi:test:m;1","@type":"Interface"}}""", "@type: must include 'ModelDefinition'" },
        { """{"capabilityModel":{"@id":"dtmi:test:m;1","@type":"Interface"}}""", "@type: is required" },
        { """{"@type":["ModelDefinition"],"capabilityModel":{"@type":"Interface"}}""", "capabilityModel.@id: is required" },
        { """{"@type":["ModelDefinition"],"capabilityModel":{"@id":"not-a-dtmi","@type":"Interface"}}""", "capabilityModel.@id: 'not-a-dtmi' is not a DTMI" },
        { """{"@type":["ModelDefinition"],"capabilityModel":{"@id":"dtmi:test:m;1","@type":"Object"}}""", "capabilityModel.@type: must be 'Interface'" },
        { """{"@type":["ModelDefinition"],"capabilityModel":{"@id":"dtmi:test:m;1","@type":"Interface","contents":[{"@type":"Telemetry","name":"t","schema":"dobule"}]}}""", "capabilityModel.contents[0].schema: unknown schema 'dobule'" },
        { """{"@type":["ModelDefinition"],"capabilityModel":{"@id":"dtmi:test:m;1","@type":"Interface","contents":[{"@type":"Telemetry","schema":"double"}]}}""", "capabilityModel.contents[0].name: is required" },
        { """{"@type":["ModelDefinition"],"capabilityModel":{"@id":"dtmi:test:m;1","@type":"Interface","contents":[{"@type":"Property","name":"p"}]}}""", "capabilityModel.contents[0].schema: is required" },
        { """{"@type":["ModelDefinition"],"capabilityModel":{"@id":"dtmi:test:m;1","@type":"Interface","contents":[{"@type":"Gadget","name":"g"}]}}""", "is not a capability" },
        { """{"@type":["ModelDefinition"],"capabilityModel":{"@id":"dtmi:test:m;1","@type":"Interface","contents":[{"@type":"Telemetry","name":"t","schema":"double"},{"@type":"Property","name":"t","schema":"double"}]}}""", "the name 't' is used twice" },
        { """{"@type":["ModelDefinition"],"capabilityModel":{"@id":"dtmi:test:m;1","@type":"Interface","contents":[{"@type":"Component","name":"c","schema":"dtmi:test:elsewhere;1"}]}}""", "capabilityModel.contents[0].schema: refers to the interface 'dtmi:test:elsewhere;1'" },
        { """{"@type":["ModelDefinition"],"capabilityModel":{"@id":"dtmi:test:m;1","@type":"Interface","contents":[{"@type":"Component","name":"c","schema":{"@type":"Interface","contents":[{"@type":"Component","name":"d","schema":{"@type":"Interface"}}]}}]}}""", "cannot have components" },
        { """{"@type":["ModelDefinition"],"capabilityModel":{"@id":"dtmi:test:m;1","@type":"Interface","contents":[{"@type":"Property","name":"e","schema":{"@type":"Enum","valueSchema":"integer","enumValues":[{"name":"a","enumValue":"x"}]}}]}}""", "enumValues[0].enumValue: is required and must be an integer" },
    };

    [Theory]
    [MemberData(nameof(InvalidTemplates))]
    public async Task Put_RejectsInvalidTemplates_NamingTheProblem(string body, string expected)
    {
        var response = await Admin.PutAsync(DeviceTemplates.Url("dtmi:test:invalid;1"), body);

        var message = await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(expected, message);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync(DeviceTemplates.Url("dtmi:test:invalid;1"))).Status);
    }

    [Fact]
    public async Task Put_RejectsAPathIdThatIsNotADtmi()
    {
        var message = await ErrorAssert.IsErrorAsync(
            await Admin.PutAsync(ApiClient.Api("/deviceTemplates/thermostat"), DeviceTemplates.WithContents("dtmi:x:y;1").ToJsonString()),
            HttpStatusCode.BadRequest);

        Assert.Contains("'thermostat' is not a DTMI", message);
    }

    [Fact]
    public async Task Put_AcceptsExtendsNamedSchemasAndModules()
    {
        const string id = "dtmi:test:edgeGateway;1";
        var body = DeviceTemplates.WithContents(id, JsonNode.Parse("""
            {"@type":["Relationship","EdgeModule"],"name":"camera","maxMultiplicity":1,"target":[{"@id":"dtmi:test:camera;1","@type":"Interface",
              "extends":[{"@id":"dtmi:test:cameraBase;1","@type":"Interface","contents":[{"@type":"Telemetry","name":"fps","schema":"double"}]}],
              "contents":[{"@type":"Component","name":"lens","schema":{"@id":"dtmi:test:lens;1","@type":"Interface",
                "contents":[{"@type":"Property","name":"zoom","schema":"dtmi:test:zoomLevel;1","writable":true}],
                "schemas":[{"@id":"dtmi:test:zoomLevel;1","@type":"Enum","valueSchema":"integer","enumValues":[{"name":"wide","enumValue":1},{"name":"tele","enumValue":2}]}]}}]}]}
            """)!);

        var created = await Admin.PutAsync(DeviceTemplates.Url(id), body.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, created.Status);
    }

    [Fact]
    public async Task Patch_ChangesDisplayNameAndCloudProperties_ButNotDeviceCapabilities()
    {
        const string id = "dtmi:test:patched;1";
        var cloud = new JsonObject { ["@type"] = new JsonArray("Property", "Cloud"), ["name"] = "owner", ["schema"] = "string" };
        await DeviceTemplates.PutAsync(Admin, id, DeviceTemplates.WithContents(id, Telemetry("temperature"), cloud));
        var etag = (await Admin.GetAsync(DeviceTemplates.Url(id))).Json.GetProperty("etag").GetString();

        var renamed = await Admin.PatchAsync(DeviceTemplates.Url(id), new { displayName = "Renamed", description = "Described" });
        Assert.Equal(HttpStatusCode.OK, renamed.Status);
        Assert.Equal("Renamed", renamed.Json.GetProperty("displayName").GetString());
        Assert.Equal("Described", renamed.Json.GetProperty("description").GetString());
        Assert.NotEqual(etag, renamed.Json.GetProperty("etag").GetString());
        Assert.Equal("double", renamed.Json.GetProperty("capabilityModel").GetProperty("contents")[0].GetProperty("schema").GetString());

        var withCloudProperty = DeviceTemplates.WithContents(id, Telemetry("temperature"), cloud,
            new JsonObject { ["@type"] = new JsonArray("Property", "Cloud"), ["name"] = "site", ["schema"] = "string" });
        var cloudPatch = new JsonObject { ["capabilityModel"] = withCloudProperty["capabilityModel"]!.DeepClone() };
        Assert.Equal(HttpStatusCode.OK, (await Admin.PatchAsync(DeviceTemplates.Url(id), cloudPatch.ToJsonString())).Status);

        var changedTelemetry = new JsonObject { ["capabilityModel"] = DeviceTemplates.WithContents(id, Telemetry("temperature", "integer"))["capabilityModel"]!.DeepClone() };
        var message = await ErrorAssert.IsErrorAsync(await Admin.PatchAsync(DeviceTemplates.Url(id), changedTelemetry.ToJsonString()), HttpStatusCode.BadRequest);
        Assert.Contains("PATCH can change only", message);
        await ErrorAssert.IsErrorAsync(await Admin.PatchAsync(DeviceTemplates.Url(id), new { etag = "stale", displayName = "x" }), HttpStatusCode.PreconditionFailed);
        await ErrorAssert.IsErrorAsync(await Admin.PatchAsync(DeviceTemplates.Url("dtmi:test:missing;1"), new { displayName = "x" }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_IsRefusedWhileDevicesUseTheTemplate()
    {
        const string id = "dtmi:test:deleted;1";
        await DeviceTemplates.PutAsync(Admin, id, DeviceTemplates.WithContents(id, Telemetry("temperature")));
        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsync(ApiClient.Api("/devices/uses-deleted"), new { template = id })).Status);

        var message = await ErrorAssert.IsErrorAsync(await Admin.DeleteAsync(DeviceTemplates.Url(id)), HttpStatusCode.Conflict);
        Assert.Contains("'uses-deleted'", message);

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync(ApiClient.Api("/devices/uses-deleted"))).Status);
        var removed = await Admin.DeleteAsync(DeviceTemplates.Url(id));
        Assert.Equal(HttpStatusCode.NoContent, removed.Status);
        Assert.Equal(string.Empty, removed.Body);
        await ErrorAssert.IsErrorAsync(await Admin.GetAsync(DeviceTemplates.Url(id)), HttpStatusCode.NotFound);
        await ErrorAssert.IsErrorAsync(await Admin.DeleteAsync(DeviceTemplates.Url(id)), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_IsPagedWithNextLink()
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { PageSize = 2 });
        foreach (var n in Enumerable.Range(1, 5))
        {
            await DeviceTemplates.PutAsync(emulator.Admin, $"dtmi:test:paged{n};1", DeviceTemplates.WithContents($"dtmi:test:paged{n};1", Telemetry("t")));
        }

        var pages = await emulator.Admin.GetAllPagesAsync(ApiClient.Api("/deviceTemplates"));

        Assert.Equal(3, pages.Count);
        var ids = pages.SelectMany(p => p.Json.GetProperty("value").EnumerateArray()).Select(t => t.GetProperty("@id").GetString()).ToList();
        Assert.Equal(Enumerable.Range(1, 5).Select(n => $"dtmi:test:paged{n};1"), ids);
    }
}
