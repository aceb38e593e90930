using System.Net;
using System.Text.Json;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

/// <summary>Jobs_*: jobs run their group's devices batch by batch, by the emulator's (here fake) clock.</summary>
public sealed class JobTests
{
    private static readonly DateTimeOffset Now = new(2030, 5, 1, 8, 0, 0, TimeSpan.Zero);
    private const string Phone = DeviceTemplates.PhoneId;

    private static string Url(string id, string suffix = "") => ApiClient.Api($"/jobs/{id}{suffix}");

    /// <summary>An emulator on a fake clock with phones (simulated unless named real-*) in the group 'phones'.</summary>
    private static async Task<(TestEmulator Emulator, FakeClock Clock)> StartAsync(params string[] phones)
    {
        var clock = new FakeClock(Now);
        var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Clock = clock, PageSize = 2 });
        foreach (var phone in phones)
        {
            await DeviceTemplates.CreatePhoneAsync(emulator.Admin, phone, simulated: !phone.StartsWith("real", StringComparison.Ordinal));
        }

        var group = await emulator.Admin.PutAsync(ApiClient.Api("/deviceGroups/phones"), new { displayName = "Phones", filter = $"SELECT * FROM devices WHERE $template = \"{Phone}\"" });
        Assert.True(group.Status == HttpStatusCode.OK, group.ToString());
        return (emulator, clock);
    }

    private static object PropertyJob(object? batch = null, object? cancellationThreshold = null) => new
    {
        displayName = "Slow down telemetry",
        group = "phones",
        batch,
        cancellationThreshold,
        data = new[] { new { type = "property", target = Phone, path = "telemetryInterval", value = 30 } },
    };

    private static async Task<JsonElement> JobAsync(ApiClient client, string id)
    {
        var response = await client.GetAsync(Url(id));
        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
        await SpecSchemas.AssertValidAsync("Job", response.Body);
        return response.Json;
    }

    private static int[] Progress(JsonElement job)
    {
        var p = job.GetProperty("progress");
        return [p.GetProperty("total").GetInt32(), p.GetProperty("pending").GetInt32(), p.GetProperty("completed").GetInt32(), p.GetProperty("failed").GetInt32()];
    }

    private static async Task<Dictionary<string, string>> DeviceStatusesAsync(ApiClient client, string id)
    {
        var pages = await client.GetAllPagesAsync(Url(id, "/devices"));
        foreach (var page in pages)
        {
            await SpecSchemas.AssertValidAsync("JobDeviceStatusCollection", page.Body);
        }

        return pages.SelectMany(p => p.Json.GetProperty("value").EnumerateArray())
            .ToDictionary(d => d.GetProperty("id").GetString()!, d => d.GetProperty("status").GetString()!);
    }

    [Fact]
    public async Task PropertyJob_RunsInBatches_ChangesSimulatedDevices_AndFailsUnconnectedOnes()
    {
        var (emulator, clock) = await StartAsync("a-sim", "b-sim", "real-c");
        await using var owned = emulator;
        var admin = emulator.Admin;

        var created = await admin.PutAsync(Url("interval"), PropertyJob(batch: new { type = "number", value = 2 }));
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        await SpecSchemas.AssertValidAsync("Job", created.Body);
        Assert.Equal("running", created.Json.GetProperty("status").GetString());
        Assert.Equal([3, 3, 0, 0], Progress(created.Json));
        Assert.Equal("2030-05-01T08:00:00.000Z", created.Json.GetProperty("start").GetString());
        Assert.False(created.Json.TryGetProperty("end", out _));

        clock.Advance(TimeSpan.FromSeconds(1));
        var first = await JobAsync(admin, "interval");
        Assert.Equal([3, 1, 2, 0], Progress(first));
        var reported = (await admin.GetAsync(ApiClient.Api("/devices/a-sim/properties"))).Json;
        Assert.Equal(30, reported.GetProperty("telemetryInterval").GetInt32());

        clock.Advance(TimeSpan.FromSeconds(1));
        var done = await JobAsync(admin, "interval");
        Assert.Equal([3, 0, 2, 1], Progress(done));
        Assert.Equal("failed", done.GetProperty("status").GetString());
        Assert.Equal("2030-05-01T08:00:02.000Z", done.GetProperty("end").GetString());
        Assert.Equal(new Dictionary<string, string> { ["a-sim"] = "completed", ["b-sim"] = "completed", ["real-c"] = "failed" }, await DeviceStatusesAsync(admin, "interval"));

        var list = await admin.GetAsync(ApiClient.Api("/jobs"));
        await SpecSchemas.AssertValidAsync("JobCollection", list.Body);
        Assert.Equal("interval", list.Json.GetProperty("value")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task CommandAndCloudPropertyJobs_RunOnSimulatedDevices()
    {
        var (emulator, clock) = await StartAsync("a-sim");
        await using var owned = emulator;
        var admin = emulator.Admin;

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync(Url("lights"), new
        {
            group = "phones",
            data = new object[]
            {
                new { type = "command", target = Phone, path = "lightOn", value = new { duration = 1, delay = 0, pulses = 1 } },
                new { type = "cloudProperty", target = Phone, path = "owner", value = "Ops" },
            },
        })).Status);
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("completed", (await JobAsync(admin, "lights")).GetProperty("status").GetString());
        var history = (await admin.GetAsync(ApiClient.Api("/devices/a-sim/commands/lightOn"))).Json.GetProperty("value");
        Assert.Equal(1, history[0].GetProperty("request").GetProperty("pulses").GetInt32());
        Assert.Equal("Ops", (await admin.GetAsync(ApiClient.Api("/devices/a-sim/properties"))).Json.GetProperty("owner").GetString());
    }

    [Fact]
    public async Task TemplateMigrationJob_MovesTheDevices()
    {
        var (emulator, clock) = await StartAsync("a-sim", "b-sim");
        await using var owned = emulator;
        Assert.Equal(HttpStatusCode.OK, (await emulator.Admin.PutAsync(Url("migrate"), new
        {
            group = "phones",
            data = new[] { new { type = "deviceTemplateMigration", template = "dtmi:contoso:phone;2" } },
        })).Status);
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("completed", (await JobAsync(emulator.Admin, "migrate")).GetProperty("status").GetString());
        Assert.Equal("dtmi:contoso:phone;2", (await emulator.Admin.GetAsync(ApiClient.Api("/devices/b-sim"))).Json.GetProperty("template").GetString());
    }

    [Fact]
    public async Task CancellationThreshold_StopsTheJobAndLeavesTheRestPending()
    {
        var (emulator, clock) = await StartAsync("real-a", "real-b", "sim-c", "sim-d");
        await using var owned = emulator;
        var admin = emulator.Admin;
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync(Url("careful"), PropertyJob(
            batch: new { type = "percentage", value = 50 }, cancellationThreshold: new { type = "number", value = 2 }))).Status);

        clock.Advance(TimeSpan.FromSeconds(5));
        var job = await JobAsync(admin, "careful");
        Assert.Equal("cancelled", job.GetProperty("status").GetString());
        Assert.Equal([4, 2, 0, 2], Progress(job));
        Assert.Equal("pending", (await DeviceStatusesAsync(admin, "careful"))["sim-c"]);
    }

    [Fact]
    public async Task StopResumeAndRerun_BehaveAsDocumented()
    {
        var (emulator, clock) = await StartAsync("real-a", "sim-b", "sim-c");
        await using var owned = emulator;
        var admin = emulator.Admin;
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync(Url("paced"), PropertyJob(batch: new { type = "number", value = 1 }))).Status);

        clock.Advance(TimeSpan.FromSeconds(1));
        var stopped = await admin.SendAsync(HttpMethod.Post, Url("paced", "/stop"));
        Assert.Equal(HttpStatusCode.NoContent, stopped.Status);
        Assert.Equal(string.Empty, stopped.Body);
        await ErrorAssert.IsErrorAsync(await admin.SendAsync(HttpMethod.Post, Url("paced", "/stop")), HttpStatusCode.Conflict);

        clock.Advance(TimeSpan.FromSeconds(10));
        var held = await JobAsync(admin, "paced");
        Assert.Equal("stopped", held.GetProperty("status").GetString());
        Assert.Equal([3, 2, 0, 1], Progress(held));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.SendAsync(HttpMethod.Post, Url("paced", "/resume"))).Status);
        await ErrorAssert.IsErrorAsync(await admin.SendAsync(HttpMethod.Post, Url("paced", "/resume")), HttpStatusCode.Conflict);
        clock.Advance(TimeSpan.FromSeconds(2));
        var finished = await JobAsync(admin, "paced");
        Assert.Equal([3, 0, 2, 1], Progress(finished));
        await ErrorAssert.IsErrorAsync(await admin.SendAsync(HttpMethod.Post, Url("paced", "/stop")), HttpStatusCode.Conflict);

        var rerun = await admin.PutAsync(Url("paced", "/rerun/paced-again"), new { });
        Assert.True(rerun.Status == HttpStatusCode.OK, rerun.ToString());
        await SpecSchemas.AssertValidAsync("Job", rerun.Body);
        Assert.Equal("paced-again", rerun.Json.GetProperty("id").GetString());
        Assert.Equal([1, 1, 0, 0], Progress(rerun.Json));
        Assert.Equal(["real-a"], (await DeviceStatusesAsync(admin, "paced-again")).Keys);
        await ErrorAssert.IsErrorAsync(await admin.PutAsync(Url("paced", "/rerun/paced-again"), new { }), HttpStatusCode.Conflict);

        await DeviceTemplates.CreatePhoneAsync(admin, "all-good", simulated: true);
        await admin.PutAsync(ApiClient.Api("/deviceGroups/good"), new { displayName = "Good", filter = "SELECT * FROM devices WHERE $id = 'all-good'" });
        await admin.PutAsync(Url("good-job"), new { group = "good", data = new[] { new { type = "property", target = Phone, path = "telemetryInterval", value = 5 } } });
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Contains("no failed devices", await ErrorAssert.IsErrorAsync(await admin.PutAsync(Url("good-job", "/rerun/good-again"), new { }), HttpStatusCode.Conflict));
    }

    public static TheoryData<string, string> InvalidBodies => new()
    {
        { """{"data":[{"type":"property","target":"t","path":"p"}]}""", "group" },
        { """{"group":"phones"}""", "data" },
        { """{"group":"phones","data":[]}""", "data" },
        { """{"group":"phones","data":[{"type":"reboot"}]}""", "data[0].type" },
        { """{"group":"phones","data":[{"type":"deviceManifestMigration","manifest":"m"}]}""", "not emulated" },
        { """{"group":"phones","data":[{"type":"property","path":"p"}]}""", "data[0].target" },
        { """{"group":"phones","data":[{"type":"command","target":"t"}]}""", "data[0].path" },
        { """{"group":"phones","data":[{"type":"deviceTemplateMigration"}]}""", "data[0].template" },
        { """{"group":"phones","batch":{"type":"number","value":0},"data":[{"type":"property","target":"t","path":"p"}]}""", "batch.value" },
        { """{"group":"phones","batch":{"type":"percentage","value":120},"data":[{"type":"property","target":"t","path":"p"}]}""", "batch.value" },
        { """{"group":"phones","cancellationThreshold":{"type":"some","value":1},"data":[{"type":"property","target":"t","path":"p"}]}""", "cancellationThreshold.type" },
        { """{"group":"no-such-group","data":[{"type":"property","target":"t","path":"p"}]}""", "does not exist" },
        { """{"group":"empty","data":[{"type":"property","target":"t","path":"p"}]}""", "has no devices" },
        { """{"group":"phones","organizations":["nowhere"],"data":[{"type":"property","target":"t","path":"p"}]}""", "does not exist" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task InvalidJob_Is400_AndStartsNothing(string body, string expected)
    {
        var (emulator, _) = await StartAsync("a-sim");
        await using var _e = emulator;
        await emulator.Admin.PutAsync(ApiClient.Api("/deviceGroups/empty"), new { displayName = "Empty", filter = "SELECT * FROM devices WHERE $id = 'none'" });

        Assert.Contains(expected, await ErrorAssert.IsErrorAsync(await emulator.Admin.PutAsync(Url("invalid"), body), HttpStatusCode.BadRequest));
        await ErrorAssert.IsErrorAsync(await emulator.Admin.GetAsync(Url("invalid")), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UnknownJobs_DuplicateIds_AndRoles()
    {
        var (emulator, _) = await StartAsync("a-sim");
        await using var _e = emulator;
        var admin = emulator.Admin;
        foreach (var response in new[]
                 {
                     await admin.GetAsync(Url("nope")), await admin.GetAsync(Url("nope", "/devices")),
                     await admin.SendAsync(HttpMethod.Post, Url("nope", "/stop")), await admin.SendAsync(HttpMethod.Post, Url("nope", "/resume")),
                     await admin.PutAsync(Url("nope", "/rerun/again"), new { }),
                 })
        {
            await ErrorAssert.IsErrorAsync(response, HttpStatusCode.NotFound);
        }

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync(Url("once"), PropertyJob())).Status);
        await ErrorAssert.IsErrorAsync(await admin.PutAsync(Url("once"), PropertyJob()), HttpStatusCode.Conflict);
        await ErrorAssert.IsErrorAsync(await admin.PutAsync(Url("bad.id"), PropertyJob()), HttpStatusCode.BadRequest);

        var viewer = await emulator.CreateTokenClientAsync("job-viewer", RoleIds.OrgViewer);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(Url("once"))).Status);
        await ErrorAssert.IsErrorAsync(await viewer.PutAsync(Url("by-viewer"), PropertyJob()), HttpStatusCode.Forbidden);
        await ErrorAssert.IsErrorAsync(await viewer.SendAsync(HttpMethod.Post, Url("once", "/stop")), HttpStatusCode.Forbidden);
    }
}
