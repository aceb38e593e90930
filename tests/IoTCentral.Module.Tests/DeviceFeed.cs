using System.Net.Http.Headers;
using System.Text;
using IoTCentral.Emulator;

namespace IoTCentral.Module.Tests;

/// <summary>
/// Plays a real (non-simulated) device against the emulator's device-facing feed (/device-api, see docs/emulator.md):
/// telemetry, reported properties and command answers, each signed with the device's own key.
/// </summary>
public sealed class DeviceFeed
{
    private static readonly HttpClient Http = new();
    private readonly string applicationUrl;
    private readonly string deviceId;
    private readonly string key;

    public DeviceFeed(string applicationUrl, string deviceId, string primaryKey)
    {
        this.applicationUrl = applicationUrl.TrimEnd('/');
        this.deviceId = deviceId;
        key = primaryKey;
    }

    public void SendTelemetry(string json) => Send(HttpMethod.Post, "telemetry", json);

    public void ReportProperties(string json) => Send(HttpMethod.Patch, "properties", json);

    public void AnswerCommand(string command, string json) => Send(HttpMethod.Put, "commands/" + command, json);

    private void Send(HttpMethod method, string path, string json)
    {
        using var request = new HttpRequestMessage(method, $"{applicationUrl}/device-api/devices/{Uri.EscapeDataString(deviceId)}/{path}")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", DeviceFeedSignature.Create(deviceId, key, DateTimeOffset.UtcNow.AddHours(1)));
        using var response = Http.Send(request);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {response.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");
    }
}
