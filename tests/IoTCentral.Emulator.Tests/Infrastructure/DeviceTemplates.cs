using System.Net;
using System.Text.Json.Nodes;

namespace IoTCentral.Emulator.Tests.Infrastructure;

/// <summary>The sample "phone as a device" template, small templates for edge cases, and helpers to publish them.</summary>
public static class DeviceTemplates
{
    public const string PhoneId = "dtmi:contoso:phoneAsADevice;1";

    /// <summary>docs/examples/templates/phone-as-a-device.json, copied next to the tests.</summary>
    public static JsonObject Phone() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "templates", "phone-as-a-device.json")))!.AsObject();

    /// <summary><c>/api/deviceTemplates/{escaped id}?api-version=...</c>.</summary>
    public static string Url(string templateId) => ApiClient.Api($"/deviceTemplates/{Uri.EscapeDataString(templateId)}");

    /// <summary>A template whose capability model has the given contents (and an IoT Edge module when asked).</summary>
    public static JsonObject WithContents(string templateId, params JsonNode[] contents) => new()
    {
        ["@id"] = templateId,
        ["@type"] = new JsonArray("ModelDefinition", "DeviceModel"),
        ["displayName"] = "Test template",
        ["capabilityModel"] = new JsonObject
        {
            ["@id"] = templateId.Replace(";", ":model;"),
            ["@type"] = "Interface",
            ["contents"] = new JsonArray(contents.Select(c => c.DeepClone()).ToArray()),
        },
    };

    public static async Task PutAsync(ApiClient client, string templateId, JsonObject body)
    {
        var response = await client.PutAsync(Url(templateId), body.ToJsonString());
        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
    }

    /// <summary>Publishes the phone template (idempotent) and creates a device that uses it.</summary>
    public static async Task<string> CreatePhoneAsync(ApiClient admin, string deviceId, bool simulated)
    {
        await PutAsync(admin, PhoneId, Phone());
        var device = await admin.PutAsync(ApiClient.Api($"/devices/{deviceId}"), new { template = PhoneId, simulated });
        Assert.True(device.Status == HttpStatusCode.OK, device.ToString());
        return deviceId;
    }
}
