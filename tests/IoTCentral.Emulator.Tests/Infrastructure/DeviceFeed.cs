using System.Net;
using System.Text.Json.Nodes;

namespace IoTCentral.Emulator.Tests.Infrastructure;

/// <summary>Calls the device-facing feed as a device, signed with the device's own key.</summary>
public static class DeviceFeed
{
    public static string Url(string deviceId, string path) => $"/device-api/devices/{Uri.EscapeDataString(deviceId)}{path}";

    /// <summary>A client whose Authorization is the device's signature (primary key, valid for an hour of real time).</summary>
    public static async Task<ApiClient> ClientAsync(ApiClient admin, string deviceId, DateTimeOffset? expiry = null)
    {
        var credentials = (await admin.GetAsync(ApiClient.Api($"/devices/{Uri.EscapeDataString(deviceId)}/credentials"))).Json;
        var key = credentials.GetProperty("symmetricKey").GetProperty("primaryKey").GetString()!;
        var scope = credentials.GetProperty("idScope").GetString()!;
        return admin.WithToken(DeviceFeedSignature.Create(scope, deviceId, key, expiry ?? DateTimeOffset.UtcNow.AddHours(1)));
    }

    public static async Task SendTelemetryAsync(ApiClient device, string deviceId, object body)
    {
        var response = await device.SendAsync(HttpMethod.Post, Url(deviceId, "/telemetry"), body);
        Assert.True(response.Status == HttpStatusCode.NoContent, response.ToString());
    }

    public static async Task ReportAsync(ApiClient device, string deviceId, object body)
    {
        var response = await device.SendAsync(HttpMethod.Patch, Url(deviceId, "/properties"), body);
        Assert.True(response.Status == HttpStatusCode.NoContent, response.ToString());
    }

    public static JsonObject Object(string json) => JsonNode.Parse(json)!.AsObject();
}
