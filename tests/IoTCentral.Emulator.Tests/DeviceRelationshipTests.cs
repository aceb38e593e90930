using System.Net;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

/// <summary>Devices_*Relationship*: stored on the source device, validated, paged and checked against the spec's schemas.</summary>
public sealed class DeviceRelationshipTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private ApiClient Admin => fixture.Admin;

    private static string Url(string device, string? relationship = null) =>
        ApiClient.Api($"/devices/{device}/relationships" + (relationship is null ? string.Empty : "/" + relationship));

    private async Task DevicesAsync(params string[] ids)
    {
        foreach (var id in ids)
        {
            Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsync(ApiClient.Api("/devices/" + id), new { })).Status);
        }
    }

    [Fact]
    public async Task CreateGetListUpdateRemove_MatchTheSchemas()
    {
        await DevicesAsync("rel-gateway", "rel-child-1", "rel-child-2");

        var created = await Admin.PutAsync(Url("rel-gateway", "link1"), new { source = "rel-gateway", target = "rel-child-1" });
        Assert.Equal(HttpStatusCode.OK, created.Status);
        await SpecSchemas.AssertValidAsync("DeviceRelationship", created.Body);
        Assert.Equal("link1", created.Json.GetProperty("id").GetString());
        Assert.Equal("rel-gateway", created.Json.GetProperty("source").GetString());
        Assert.Equal("rel-child-1", created.Json.GetProperty("target").GetString());

        var fetched = await Admin.GetAsync(Url("rel-gateway", "link1"));
        Assert.Equal(created.Body, fetched.Body);

        var list = await Admin.GetAsync(Url("rel-gateway"));
        await SpecSchemas.AssertValidAsync("DeviceRelationshipCollection", list.Body);
        Assert.Single(list.Json.GetProperty("value").EnumerateArray());

        var updated = await Admin.PatchAsync(Url("rel-gateway", "link1"), new { target = "rel-child-2" });
        Assert.Equal(HttpStatusCode.OK, updated.Status);
        await SpecSchemas.AssertValidAsync("DeviceRelationship", updated.Body);
        Assert.Equal("rel-child-2", updated.Json.GetProperty("target").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync(Url("rel-gateway", "link1"))).Status);
        await ErrorAssert.IsErrorAsync(await Admin.GetAsync(Url("rel-gateway", "link1")), HttpStatusCode.NotFound);
        await ErrorAssert.IsErrorAsync(await Admin.DeleteAsync(Url("rel-gateway", "link1")), HttpStatusCode.NotFound);
        await ErrorAssert.IsErrorAsync(await Admin.PatchAsync(Url("rel-gateway", "link1"), new { target = "rel-child-1" }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BadBodies_Are400_AndUnknownDevices404()
    {
        await DevicesAsync("bad-gateway", "bad-child");

        await ErrorAssert.IsErrorAsync(await Admin.PutAsync(Url("bad-gateway", "r1"), new { }), HttpStatusCode.BadRequest);
        await ErrorAssert.IsErrorAsync(await Admin.PutAsync(Url("bad-gateway", "r1"), new { target = "no-such-device" }), HttpStatusCode.BadRequest);
        await ErrorAssert.IsErrorAsync(await Admin.PutAsync(Url("bad-gateway", "r1"), new { target = "bad-gateway" }), HttpStatusCode.BadRequest);
        await ErrorAssert.IsErrorAsync(await Admin.PutAsync(Url("bad-gateway", "r1"), new { source = "bad-child", target = "bad-child" }), HttpStatusCode.BadRequest);
        await ErrorAssert.IsErrorAsync(await Admin.PutAsync(Url("bad-gateway", "r1"), new { target = 5 }), HttpStatusCode.BadRequest);
        await ErrorAssert.IsErrorAsync(await Admin.PutAsync(Url("no-such-device", "r1"), new { target = "bad-child" }), HttpStatusCode.NotFound);
        await ErrorAssert.IsErrorAsync(await Admin.GetAsync(Url("no-such-device")), HttpStatusCode.NotFound);

        Assert.Empty((await Admin.GetAsync(Url("bad-gateway"))).Json.GetProperty("value").EnumerateArray());
    }

    [Fact]
    public async Task SameTargetUnderTwoIds_Is409()
    {
        await DevicesAsync("dup-gateway", "dup-child");
        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsync(Url("dup-gateway", "first"), new { target = "dup-child" })).Status);
        await ErrorAssert.IsErrorAsync(await Admin.PutAsync(Url("dup-gateway", "second"), new { target = "dup-child" }), HttpStatusCode.Conflict);

        // Putting the same id again replaces it rather than conflicting with itself.
        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsync(Url("dup-gateway", "first"), new { target = "dup-child" })).Status);
    }

    [Fact]
    public async Task RemovingADevice_DropsTheRelationshipsThatTargetIt()
    {
        await DevicesAsync("drop-gateway", "drop-child", "drop-other");
        await Admin.PutAsync(Url("drop-gateway", "to-child"), new { target = "drop-child" });
        await Admin.PutAsync(Url("drop-gateway", "to-other"), new { target = "drop-other" });

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync(ApiClient.Api("/devices/drop-child"))).Status);

        var left = (await Admin.GetAsync(Url("drop-gateway"))).Json.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("id").GetString());
        Assert.Equal(["to-other"], left);
    }

    [Fact]
    public async Task List_IsPaged_AndRelationshipsPersistWithTheDevice()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "iotc-emulator-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using (var emulator = await TestEmulator.StartAsync(new EmulatorOptions { PageSize = 2, DataDir = dataDir }))
            {
                foreach (var id in new[] { "gw", "c1", "c2", "c3" })
                {
                    await emulator.Admin.PutAsync(ApiClient.Api("/devices/" + id), new { });
                }

                foreach (var child in new[] { "c1", "c2", "c3" })
                {
                    await emulator.Admin.PutAsync(Url("gw", "to-" + child), new { target = child });
                }

                var pages = await emulator.Admin.GetAllPagesAsync(Url("gw"));
                Assert.Equal(2, pages.Count);
                foreach (var page in pages)
                {
                    await SpecSchemas.AssertValidAsync("DeviceRelationshipCollection", page.Body);
                }
            }

            await using var restarted = await TestEmulator.StartAsync(new EmulatorOptions { DataDir = dataDir });
            var all = (await restarted.Admin.GetAllPagesAsync(Url("gw")))
                .SelectMany(p => p.Json.GetProperty("value").EnumerateArray())
                .Select(r => r.GetProperty("target").GetString());
            Assert.Equal(["c1", "c2", "c3"], all);
        }
        finally
        {
            if (Directory.Exists(dataDir))
            {
                Directory.Delete(dataDir, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Operator_CanChangeRelationships()
    {
        await DevicesAsync("op-gateway", "op-child");
        var client = await fixture.Emulator.CreateTokenClientAsync("relationship-operator", RoleIds.Operator);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync(Url("op-gateway", "op-link"), new { target = "op-child" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Url("op-gateway", "op-link"))).Status);
    }
}
