using System.Text.Json.Nodes;

namespace IoTCentral.Emulator.Tests.Infrastructure;

/// <summary>A template with a capability of each kind at each of the four levels (root, component, module, module component).</summary>
public static class TestModels
{
    public const string EverythingId = "dtmi:test:everything;1";

    public static JsonObject Everything() => DeviceTemplates.WithContents(EverythingId, JsonNode.Parse("""
        [
          {"@type":"Property","name":"targetTemperature","schema":"double","writable":true},
          {"@type":"Property","name":"serial","schema":"string"},
          {"@type":"Property","name":"mode","writable":true,"schema":{"@type":"Enum","valueSchema":"integer","enumValues":[{"name":"off","enumValue":0},{"name":"heat","enumValue":1}]}},
          {"@type":["Property","Cloud"],"name":"owner","schema":"string"},
          {"@type":"Telemetry","name":"temperature","schema":"double"},
          {"@type":"Command","name":"reboot","request":{"name":"delay","schema":"integer"}},
          {"@type":"Component","name":"settings","schema":{"@id":"dtmi:test:settings;1","@type":"Interface","contents":[
            {"@type":"Property","name":"fanSpeed","schema":"double","writable":true},
            {"@type":"Property","name":"irSwitch","schema":"boolean","writable":true},
            {"@type":"Property","name":"schedule","writable":true,"schema":{"@type":"Object","fields":[{"name":"start","schema":"dateTime"},{"name":"days","schema":"integer"}]}},
            {"@type":"Telemetry","name":"accelerometer","schema":"vector"},
            {"@type":"Command","name":"calibrate","response":{"name":"result","schema":{"@type":"Object","fields":[{"name":"offset","schema":"double"},{"name":"ok","schema":"boolean"}]}}}]}},
          {"@type":["Relationship","EdgeModule"],"name":"camera","target":[{"@id":"dtmi:test:camera;1","@type":"Interface","contents":[
            {"@type":"Property","name":"fps","schema":"integer","writable":true},
            {"@type":"Telemetry","name":"frames","schema":"long"},
            {"@type":"Command","name":"snap"},
            {"@type":"Component","name":"lens","schema":{"@id":"dtmi:test:lens;1","@type":"Interface","contents":[
              {"@type":"Property","name":"zoom","schema":"double","writable":true},
              {"@type":"Telemetry","name":"focus","schema":"double"},
              {"@type":"Command","name":"clean"}]}}]}]}
        ]
        """)!.AsArray().Select(n => n!).ToArray());

    /// <summary>Publishes <see cref="Everything"/> and creates a device that uses it.</summary>
    public static async Task<string> CreateDeviceAsync(ApiClient admin, string deviceId, bool simulated)
    {
        await DeviceTemplates.PutAsync(admin, EverythingId, Everything());
        var device = await admin.PutAsync(ApiClient.Api($"/devices/{deviceId}"), new { template = EverythingId, simulated });
        Assert.True(device.Status == System.Net.HttpStatusCode.OK, device.ToString());
        return deviceId;
    }

    /// <summary>The four levels' path prefixes under a device, with a settable property of each.</summary>
    public static TheoryData<string, string, string> Levels => new()
    {
        { "", "targetTemperature", "21.5" },
        { "/components/settings", "fanSpeed", "35" },
        { "/modules/camera", "fps", "30" },
        { "/modules/camera/components/lens", "zoom", "2.5" },
    };
}
