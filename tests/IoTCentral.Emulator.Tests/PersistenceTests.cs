using System.Net;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

public sealed class PersistenceTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "iotc-emulator-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task DataDir_KeepsTokensAndDevicesAcrossRestarts()
    {
        string tokenValue;
        string credentials;
        string device;
        await using (var first = await TestEmulator.StartAsync(new EmulatorOptions { DataDir = _dataDir }))
        {
            tokenValue = await first.CreateTokenAsync("persisted", RoleIds.Operator);
            await first.CreateTokenAsync("removed", RoleIds.Operator);
            Assert.Equal(HttpStatusCode.NoContent, (await first.Admin.DeleteAsync(ApiClient.Api("/apiTokens/removed"))).Status);
            device = (await first.Admin.PutAsync(ApiClient.Api("/devices/kept"), new { displayName = "Kept", template = "dtmi:a:b;1" })).Body;
            await first.Admin.PutAsync(ApiClient.Api("/devices/gone"), new { });
            await first.Admin.DeleteAsync(ApiClient.Api("/devices/gone"));
            credentials = (await first.Admin.GetAsync(ApiClient.Api("/devices/kept/credentials"))).Body;
        }

        Assert.True(File.Exists(Path.Combine(_dataDir, "state.db")));

        await using var second = await TestEmulator.StartAsync(new EmulatorOptions { DataDir = _dataDir });
        Assert.Equal(device, (await second.Admin.GetAsync(ApiClient.Api("/devices/kept"))).Body);
        Assert.Equal(credentials, (await second.Admin.GetAsync(ApiClient.Api("/devices/kept/credentials"))).Body);
        Assert.Equal(HttpStatusCode.NotFound, (await second.Admin.GetAsync(ApiClient.Api("/devices/gone"))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await second.Admin.GetAsync(ApiClient.Api("/apiTokens/removed"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await second.Admin.GetAsync(ApiClient.Api("/apiTokens/persisted"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await second.Admin.WithToken(tokenValue).GetAsync(ApiClient.Api("/devices"))).Status);
    }

    [Fact]
    public async Task WithoutDataDir_StateIsNotShared()
    {
        await using (var first = await TestEmulator.StartAsync())
        {
            Assert.Equal(HttpStatusCode.OK, (await first.Admin.PutAsync(ApiClient.Api("/devices/ephemeral"), new { })).Status);
        }

        await using var second = await TestEmulator.StartAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await second.Admin.GetAsync(ApiClient.Api("/devices/ephemeral"))).Status);
    }

    [Fact]
    public async Task StateJsonOfAnEarlierEmulator_IsMigrated_AndKeptUnderAnotherName()
    {
        Directory.CreateDirectory(_dataDir);
        var signingKey = Convert.ToBase64String(new byte[32]);
        await File.WriteAllTextAsync(Path.Combine(_dataDir, "state.json"), $$"""
            {
              "schemaVersion": 1,
              "application": { "id": "00000000-0000-0000-0000-0000000000aa", "idScope": "0ne000000AA", "signingKey": "{{signingKey}}" },
              "apiTokens": {},
              "devices": {
                "old-device": { "id": "old-device", "etag": "\"1\"", "displayName": "From state.json", "template": null, "enabled": true,
                  "provisioned": false, "simulated": false, "organizations": [], "symmetricKey": { "primaryKey": "cA==", "secondaryKey": "cw==" } }
              },
              "users": {},
              "deviceTemplates": {}
            }
            """);

        await using (var emulator = await TestEmulator.StartAsync(new EmulatorOptions { DataDir = _dataDir }))
        {
            var device = await emulator.Admin.GetAsync(ApiClient.Api("/devices/old-device"));
            Assert.Equal(HttpStatusCode.OK, device.Status);
            Assert.Equal("From state.json", device.Json.GetProperty("displayName").GetString());
            Assert.Equal(HttpStatusCode.OK, (await emulator.Admin.PutAsync(ApiClient.Api("/devices/new-device"), new { })).Status);
        }

        Assert.False(File.Exists(Path.Combine(_dataDir, "state.json")), "a migrated state.json must not be read again");
        Assert.True(File.Exists(Path.Combine(_dataDir, "state.json.migrated")));

        await using var second = await TestEmulator.StartAsync(new EmulatorOptions { DataDir = _dataDir });
        Assert.Equal(HttpStatusCode.OK, (await second.Admin.GetAsync(ApiClient.Api("/devices/old-device"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await second.Admin.GetAsync(ApiClient.Api("/devices/new-device"))).Status);
    }

    [Fact]
    public async Task CorruptDatabase_FailsStartWithAClearMessage()
    {
        Directory.CreateDirectory(_dataDir);
        await File.WriteAllTextAsync(Path.Combine(_dataDir, "state.db"), "not a database, but long enough to be read as one: " + new string('x', 200));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EmulatorServer.StartAsync(new EmulatorOptions { DataDir = _dataDir }));

        Assert.Contains("state.db", error.Message);
    }

    [Fact]
    public async Task CorruptStateFile_FailsStartWithAClearMessage()
    {
        Directory.CreateDirectory(_dataDir);
        await File.WriteAllTextAsync(Path.Combine(_dataDir, "state.json"), "{ not json");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EmulatorServer.StartAsync(new EmulatorOptions { DataDir = _dataDir }));

        Assert.Contains("state.json", error.Message);
    }
}
