using System.Net;
using System.Text.Json;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

/// <summary>ScheduledJobs_*: definitions checked against the spec, and the jobs they produce as the (fake) clock passes occurrences.</summary>
public sealed class ScheduledJobTests
{
    private static readonly DateTimeOffset Now = new(2030, 5, 1, 8, 0, 0, TimeSpan.Zero);
    private const string Phone = DeviceTemplates.PhoneId;

    private static string Url(string id, string suffix = "") => ApiClient.Api($"/scheduledJobs/{id}{suffix}");

    private static async Task<(TestEmulator Emulator, FakeClock Clock)> StartAsync()
    {
        var clock = new FakeClock(Now);
        var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Clock = clock, PageSize = 2 });
        await DeviceTemplates.CreatePhoneAsync(emulator.Admin, "a-sim", simulated: true);
        var group = await emulator.Admin.PutAsync(ApiClient.Api("/deviceGroups/phones"), new { displayName = "Phones", filter = $"SELECT * FROM devices WHERE $template = \"{Phone}\"" });
        Assert.True(group.Status == HttpStatusCode.OK, group.ToString());
        return (emulator, clock);
    }

    private static object Nightly(object? end = null, string recurrence = "daily") => new
    {
        displayName = "nightly",
        group = "phones",
        data = new[] { new { type = "property", target = Phone, path = "telemetryInterval", value = 30 } },
        schedule = new { recurrence, start = "2030-05-01T22:00:00Z", end },
    };

    private static async Task<JsonElement[]> RunsAsync(ApiClient client, string id)
    {
        var pages = await client.GetAllPagesAsync(Url(id, "/jobs"));
        foreach (var page in pages)
        {
            await SpecSchemas.AssertValidAsync("JobCollection", page.Body);
        }

        return pages.SelectMany(p => p.Json.GetProperty("value").EnumerateArray()).ToArray();
    }

    [Fact]
    public async Task Crud_MatchesSchema_AndEtagGuardsChanges()
    {
        var (emulator, _) = await StartAsync();
        await using var owned = emulator;
        var admin = emulator.Admin;

        var created = await admin.PutAsync(Url("nightly"), Nightly(new { type = "occurrences", occurrences = 3 }));
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        await SpecSchemas.AssertValidAsync("ScheduledJob", created.Body);
        Assert.True(created.Json.GetProperty("enabled").GetBoolean());
        Assert.False(created.Json.GetProperty("completed").GetBoolean());
        Assert.Equal("2030-05-01T22:00:00.000Z", created.Json.GetProperty("schedule").GetProperty("start").GetString());
        var etag = created.Json.GetProperty("etag").GetString();

        var list = await admin.GetAsync(ApiClient.Api("/scheduledJobs"));
        await SpecSchemas.AssertValidAsync("ScheduledJobCollection", list.Body);
        Assert.Equal("nightly", list.Json.GetProperty("value")[0].GetProperty("id").GetString());

        var patched = await admin.PatchAsync(Url("nightly"), new { etag, enabled = false });
        Assert.True(patched.Status == HttpStatusCode.OK, patched.ToString());
        await SpecSchemas.AssertValidAsync("ScheduledJob", patched.Body);
        Assert.False(patched.Json.GetProperty("enabled").GetBoolean());

        var stale = await admin.PatchAsync(Url("nightly"), new { etag, displayName = "again" });
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.Status);

        var plainJson = await admin.PatchAsync(Url("nightly"), new { displayName = "x" }, "application/json");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plainJson.Status);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(Url("nightly"))).Status);
        var gone = await admin.GetAsync(Url("nightly"));
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
        await SpecSchemas.AssertValidAsync("Error", gone.Body);
    }

    [Theory]
    [InlineData("{\"group\":\"phones\",\"data\":[{\"type\":\"property\",\"target\":\"t\",\"path\":\"p\",\"value\":1}]}", "schedule")]
    [InlineData("{\"group\":\"phones\",\"data\":[{\"type\":\"property\",\"target\":\"t\",\"path\":\"p\",\"value\":1}],\"schedule\":{\"start\":\"2030-05-02T00:00:00Z\",\"recurrence\":\"hourly\"}}", "recurrence")]
    [InlineData("{\"group\":\"phones\",\"data\":[{\"type\":\"property\",\"target\":\"t\",\"path\":\"p\",\"value\":1}],\"schedule\":{\"start\":\"2030-05-02T00:00:00Z\",\"end\":{\"type\":\"occurrences\",\"occurrences\":1000}}}", "occurrences")]
    [InlineData("{\"group\":\"phones\",\"data\":[{\"type\":\"property\",\"target\":\"t\",\"path\":\"p\",\"value\":1}],\"schedule\":{\"start\":\"2030-05-02T00:00:00Z\",\"end\":{\"type\":\"date\",\"date\":\"May 3\"}}}", "date")]
    [InlineData("{\"group\":\"nope\",\"data\":[{\"type\":\"property\",\"target\":\"t\",\"path\":\"p\",\"value\":1}],\"schedule\":{\"start\":\"2030-05-02T00:00:00Z\"}}", "nope")]
    public async Task Create_RefusesBadDefinitions(string body, string named)
    {
        var (emulator, _) = await StartAsync();
        await using var owned = emulator;
        var response = await emulator.Admin.SendAsync(HttpMethod.Put, Url("bad"), body);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        await SpecSchemas.AssertValidAsync("Error", response.Body);
        Assert.Contains(named, response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Occurrences_ProduceJobs_UntilTheEnd_AndThenComplete()
    {
        var (emulator, clock) = await StartAsync();
        await using var owned = emulator;
        var admin = emulator.Admin;
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync(Url("nightly"), Nightly(new { type = "occurrences", occurrences = 2 }))).Status);
        Assert.Empty(await RunsAsync(admin, "nightly"));

        clock.Advance(TimeSpan.FromHours(14));
        var first = Assert.Single(await RunsAsync(admin, "nightly"));
        Assert.Equal("nightly", first.GetProperty("scheduledJobId").GetString());
        Assert.Equal("nightly - 1", first.GetProperty("displayName").GetString());

        // The produced job runs like any job: it is listed with the others and completes on its device.
        clock.Advance(TimeSpan.FromSeconds(1));
        var job = await admin.GetAsync(ApiClient.Api("/jobs/" + first.GetProperty("id").GetString()));
        Assert.Equal("completed", job.Json.GetProperty("status").GetString());

        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(["nightly - 1", "nightly - 2"], (await RunsAsync(admin, "nightly")).Select(j => j.GetProperty("displayName").GetString()!).Order().ToArray());
        Assert.True((await admin.GetAsync(Url("nightly"))).Json.GetProperty("completed").GetBoolean());

        clock.Advance(TimeSpan.FromDays(5));
        Assert.Equal(2, (await RunsAsync(admin, "nightly")).Length);
    }

    [Fact]
    public async Task PassedOccurrences_ProduceOneJob_AndDisabledOnesNone()
    {
        var (emulator, clock) = await StartAsync();
        await using var owned = emulator;
        var admin = emulator.Admin;
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync(Url("weekly"), Nightly(new { type = "date", date = "2030-06-30" }, "weekly"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync(Url("off"), Nightly())).Status);
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsync(Url("off"), new { enabled = false })).Status);

        clock.Advance(TimeSpan.FromDays(20));
        Assert.Equal("nightly - 3", Assert.Single(await RunsAsync(admin, "weekly")).GetProperty("displayName").GetString());
        Assert.Empty(await RunsAsync(admin, "off"));
        Assert.False((await admin.GetAsync(Url("weekly"))).Json.GetProperty("completed").GetBoolean());

        // The last weekly occurrence on or before 2030-06-30 is June 26th; after it the schedule is over.
        clock.Advance(TimeSpan.FromDays(60));
        Assert.Equal(2, (await RunsAsync(admin, "weekly")).Length);
        Assert.True((await admin.GetAsync(Url("weekly"))).Json.GetProperty("completed").GetBoolean());
    }
}
