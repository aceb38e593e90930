using System.Net;
using System.Text.Json.Nodes;
using IoTCentral.Emulator.Auth;
using IoTCentral.Emulator.Features.DataExport;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

/// <summary>Delivery to blobstorage@v1 destinations with a connection string, against a loopback fake of the Blob service.</summary>
public sealed partial class DataExportTests
{
    private static object Blob(string connectionString, string containerName) => new
    {
        displayName = "Blob",
        type = "blobstorage@v1",
        authorization = new { type = "connectionString", connectionString, containerName },
    };

    /// <summary>Where the emulator appends an export's records of the minute: container/application/partition/yyyy/MM/dd/HH/mm/export.json.</summary>
    private static string BlobPath(string container, DateTimeOffset minute, string exportId) =>
        $"{container}/{DevelopmentApplication.Create().Id}/0/{minute.UtcDateTime:yyyy'/'MM'/'dd'/'HH'/'mm}/{exportId}.json";

    private static async Task<(TestEmulator Emulator, ApiClient Device)> StartWithDeviceAsync(FakeClock clock)
    {
        var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Clock = clock });
        await DeviceTemplates.CreatePhoneAsync(emulator.Admin, "real-1", simulated: false);
        return (emulator, await DeviceFeed.ClientAsync(emulator.Admin, "real-1", clock.GetUtcNow().AddHours(1)));
    }

    private static Task SendBatteryAsync(ApiClient device, int battery) =>
        DeviceFeed.SendTelemetryAsync(device, "real-1", new { component = "sensors", values = new { battery } });

    [Fact]
    public async Task BlobExport_AppendsEachMessageAsALine_OfTheMinutesBlob_AsTheWebhookReceivesIt()
    {
        var clock = new FakeClock(ClockStart);
        using var blobs = new FakeBlobService("exports");
        using var hook = new WebhookListener();
        var (emulator, device) = await StartWithDeviceAsync(clock);
        await using var running = emulator;
        var admin = emulator.Admin;
        await PutHooksAsync(admin, hook);
        var destination = await OkAsync(admin.PutAsync(Preview("/dataExport/destinations/blob"), Blob(blobs.ConnectionString, "exports")), "BlobStorageV1Destination");
        Assert.Equal("healthy", destination.GetProperty("status").GetString());
        var export = new
        {
            displayName = "Both",
            enabled = true,
            source = "telemetry",
            enrichments = new Dictionary<string, object> { ["store"] = new { value = "Seattle" } },
            destinations = new[] { new { id = "blob" }, new { id = "hook" } },
        };
        await OkAsync(admin.PutAsync(Preview("/dataExport/exports/both"), export), "Export");

        await SendBatteryAsync(device, 42);
        clock.Advance(TimeSpan.FromSeconds(30));
        await SendBatteryAsync(device, 43);
        var path = BlobPath("exports", ClockStart, "both");
        var lines = await blobs.WaitForLinesAsync(path, 2);
        await hook.WaitForAsync(m => m["telemetry"]?["battery"]?.GetValue<int>() == 43);

        Assert.Equal(hook.Received.Select(r => r.Body.ToJsonString()), lines);
        Assert.Equal([42, 43], lines.Select(l => JsonNode.Parse(l)!["telemetry"]!["battery"]!.GetValue<int>()));
        Assert.Equal("Seattle", JsonNode.Parse(lines[0])!["enrichments"]!["store"]!.GetValue<string>());
        Assert.Equal([path], blobs.Blobs().Keys);
        Assert.All(blobs.Requests, r => Assert.StartsWith($"SharedKey {FakeBlobService.Account}:", r.Authorization));
        // The blob is created only if it does not exist yet (never overwritten), and the container is never created.
        Assert.All(blobs.Requests.Where(r => !r.Query.Contains("comp=appendblock")), r => Assert.Equal("*", r.IfNoneMatch));
        Assert.DoesNotContain(blobs.Requests, r => r.Query.Contains("restype=container"));

        // The next minute starts the next blob.
        clock.Advance(TimeSpan.FromSeconds(30));
        await SendBatteryAsync(device, 44);
        var next = await blobs.WaitForLinesAsync(BlobPath("exports", ClockStart.AddMinutes(1), "both"), 1);
        Assert.Equal(44, JsonNode.Parse(next[0])!["telemetry"]!["battery"]!.GetValue<int>());
        var healthy = await WaitForStatusAsync(admin, "both", "healthy");
        Assert.Equal(ClockStart.AddMinutes(1), healthy.GetProperty("lastExportTime").GetDateTimeOffset());
        var delivered = await OkAsync(admin.GetAsync(Preview("/dataExport/destinations/blob")), "BlobStorageV1Destination");
        Assert.Equal("healthy", delivered.GetProperty("status").GetString());
        Assert.True(delivered.TryGetProperty("lastExportTime", out _), delivered.GetRawText());
    }

    [Fact]
    public async Task BlobExport_WithATransform_AppendsEachOutputAsALine()
    {
        var clock = new FakeClock(ClockStart);
        using var blobs = new FakeBlobService("exports");
        var (emulator, device) = await StartWithDeviceAsync(clock);
        await using var running = emulator;
        var admin = emulator.Admin;
        await OkAsync(admin.PutAsync(Preview("/dataExport/destinations/blob"), Blob(blobs.ConnectionString, "exports")), "BlobStorageV1Destination");
        var export = new
        {
            displayName = "Shaped",
            enabled = true,
            source = "telemetry",
            destinations = new[] { new { id = "blob", transform = "{device: .deviceId, battery: .telemetry.battery}, {device: .deviceId, part: 2}" } },
        };
        await OkAsync(admin.PutAsync(Preview("/dataExport/exports/shaped"), export), "Export");

        await SendBatteryAsync(device, 42);

        var lines = await blobs.WaitForLinesAsync(BlobPath("exports", ClockStart, "shaped"), 2);
        Assert.Equal(["""{"device":"real-1","battery":42}""", """{"device":"real-1","part":2}"""], lines);
    }

    [Fact]
    public async Task BlobExport_ToAMissingContainer_IsAnErrorWithoutSecrets_ThatHealsOnceItExists()
    {
        var clock = new FakeClock(ClockStart);
        using var blobs = new FakeBlobService();
        var (emulator, device) = await StartWithDeviceAsync(clock);
        await using var running = emulator;
        var admin = emulator.Admin;
        await OkAsync(admin.PutAsync(Preview("/dataExport/destinations/blob"), Blob(blobs.ConnectionString, "missing")), "BlobStorageV1Destination");
        await OkAsync(admin.PutAsync(Preview("/dataExport/exports/e"), Export("telemetry", "blob")), "Export");

        await SendBatteryAsync(device, 42);
        var export = await WaitForStatusAsync(admin, "e", "error");
        Assert.Equal("error", export.GetProperty("status").GetString());
        Assert.Contains("the container 'missing' does not exist", export.GetProperty("errors")[0].GetProperty("message").GetString());
        var destination = await OkAsync(admin.GetAsync(Preview("/dataExport/destinations/blob")), "BlobStorageV1Destination");
        Assert.Equal("error", destination.GetProperty("status").GetString());
        Assert.Equal("DeliveryFailed", destination.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Contains("the container 'missing' does not exist", destination.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal(ExportDelivery.Attempts, blobs.Requests.Count);
        foreach (var path in new[] { "/dataExport/exports/e", "/dataExport/destinations/blob", "/dataExport/destinations", "/dataExport/exports", "/dataExport/exports/e/destinations" })
        {
            var body = (await admin.GetAsync(Preview(path))).Body;
            Assert.DoesNotContain(FakeBlobService.AccountKey, body);
            Assert.DoesNotContain("AccountKey", body);
        }

        blobs.AddContainer("missing");
        await SendBatteryAsync(device, 43);
        var lines = await blobs.WaitForLinesAsync(BlobPath("missing", ClockStart, "e"), 1);
        Assert.Equal(43, JsonNode.Parse(lines[0])!["telemetry"]!["battery"]!.GetValue<int>());
        export = await WaitForStatusAsync(admin, "e", "healthy");
        Assert.False(export.TryGetProperty("errors", out _), export.GetRawText());
        destination = await OkAsync(admin.GetAsync(Preview("/dataExport/destinations/blob")), "BlobStorageV1Destination");
        Assert.Equal("healthy", destination.GetProperty("status").GetString());
    }

    [Fact]
    public async Task BlobExport_WithAConnectionStringThatDoesNotParse_IsAnErrorThatDoesNotQuoteIt()
    {
        var clock = new FakeClock(ClockStart);
        var (emulator, device) = await StartWithDeviceAsync(clock);
        await using var running = emulator;
        var admin = emulator.Admin;
        await OkAsync(admin.PutAsync(Preview("/dataExport/destinations/blob"), Blob("Account=bad-secret-value", "c")), "BlobStorageV1Destination");
        await OkAsync(admin.PutAsync(Preview("/dataExport/exports/e"), Export("telemetry", "blob")), "Export");

        await SendBatteryAsync(device, 42);
        var export = await WaitForStatusAsync(admin, "e", "error");
        var message = export.GetProperty("errors")[0].GetProperty("message").GetString();
        Assert.Contains("not a valid Azure Storage connection string", message);
        Assert.DoesNotContain("bad-secret-value", export.GetRawText());
        Assert.DoesNotContain("bad-secret-value", (await admin.GetAsync(Preview("/dataExport/destinations/blob"))).Body);
    }

    [Fact]
    public async Task BlobExport_ToAServiceThatDoesNotAnswer_IsAnErrorNamingTheConnection_WithoutTheKey()
    {
        var clock = new FakeClock(ClockStart);
        var (emulator, device) = await StartWithDeviceAsync(clock);
        await using var running = emulator;
        var admin = emulator.Admin;
        var closed = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var connectionString = $"DefaultEndpointsProtocol=http;AccountName={FakeBlobService.Account};AccountKey={FakeBlobService.AccountKey};BlobEndpoint=http://127.0.0.1:{port}/{FakeBlobService.Account};";
        await OkAsync(admin.PutAsync(Preview("/dataExport/destinations/blob"), Blob(connectionString, "c")), "BlobStorageV1Destination");
        await OkAsync(admin.PutAsync(Preview("/dataExport/exports/e"), Export("telemetry", "blob")), "Export");

        await SendBatteryAsync(device, 42);
        var export = await WaitForStatusAsync(admin, "e", "error");
        var message = export.GetProperty("errors")[0].GetProperty("message").GetString();
        Assert.Contains("the Blob service could not be reached", message);
        Assert.Contains($"127.0.0.1:{port}", message);
        Assert.DoesNotContain(FakeBlobService.AccountKey, export.GetRawText());
        Assert.DoesNotContain(FakeBlobService.AccountKey, (await admin.GetAsync(Preview("/dataExport/destinations/blob"))).Body);
    }
}
