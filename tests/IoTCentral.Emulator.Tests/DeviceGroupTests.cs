using System.Net;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

/// <summary>DeviceGroups_*: groups keep their filter, and their devices are what the filter selects when asked.</summary>
public sealed class DeviceGroupTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private ApiClient Admin => fixture.Admin;

    private static string Url(string id, string suffix = "") => ApiClient.Api($"/deviceGroups/{id}{suffix}");

    private async Task PutDeviceAsync(string id, object body)
    {
        var response = await Admin.PutAsync(ApiClient.Api($"/devices/{id}"), body);
        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
    }

    private async Task<string[]> MembersAsync(ApiClient client, string groupId)
    {
        var pages = await client.GetAllPagesAsync(Url(groupId, "/devices"));
        foreach (var page in pages)
        {
            await SpecSchemas.AssertValidAsync("DeviceGroupDeviceCollection", page.Body);
        }

        return pages.SelectMany(p => p.Json.GetProperty("value").EnumerateArray()).Select(d => d.GetProperty("id").GetString()!).ToArray();
    }

    [Fact]
    public async Task CreateGetUpdateRemove_WithEtags()
    {
        var created = await Admin.PutAsync(Url("crud-group"), new { displayName = "Thermostats", filter = "SELECT * FROM devices WHERE $template = \"dtmi:contoso:thermostat;1\"", description = "all of them" });
        Assert.Equal(HttpStatusCode.OK, created.Status);
        await SpecSchemas.AssertValidAsync("DeviceGroup", created.Body);
        var etag = created.Json.GetProperty("etag").GetString()!;

        var fetched = await Admin.GetAsync(Url("crud-group"));
        Assert.Equal(created.Body, fetched.Body);
        await SpecSchemas.AssertValidAsync("DeviceGroupCollection", (await Admin.GetAsync(ApiClient.Api("/deviceGroups"))).Body);

        await ErrorAssert.IsErrorAsync(await Admin.PatchAsync(Url("crud-group"), new { displayName = "x", etag = "stale" }), HttpStatusCode.PreconditionFailed);
        var patched = await Admin.PatchAsync(Url("crud-group"), new { displayName = "Renamed", etag });
        Assert.Equal(HttpStatusCode.OK, patched.Status);
        await SpecSchemas.AssertValidAsync("DeviceGroup", patched.Body);
        Assert.Equal("Renamed", patched.Json.GetProperty("displayName").GetString());
        Assert.Equal("all of them", patched.Json.GetProperty("description").GetString());
        Assert.NotEqual(etag, patched.Json.GetProperty("etag").GetString());

        var ifMatch = await Admin.SendAsync(HttpMethod.Put, Url("crud-group"), new { displayName = "Again", filter = "SELECT * FROM devices" },
            headers: new Dictionary<string, string> { ["If-Match"] = "\"" + etag + "\"" });
        await ErrorAssert.IsErrorAsync(ifMatch, HttpStatusCode.PreconditionFailed);

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync(Url("crud-group"))).Status);
        await ErrorAssert.IsErrorAsync(await Admin.GetAsync(Url("crud-group")), HttpStatusCode.NotFound);
        await ErrorAssert.IsErrorAsync(await Admin.GetAsync(Url("crud-group", "/devices")), HttpStatusCode.NotFound);
        await ErrorAssert.IsErrorAsync(await Admin.DeleteAsync(Url("crud-group")), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"filter":"SELECT * FROM devices"}""", "displayName")]
    [InlineData("""{"displayName":"g"}""", "filter")]
    [InlineData("""{"displayName":"g","filter":""}""", "filter")]
    [InlineData("""{"displayName":"g","filter":"SELECT $id FROM devices"}""", "'*'")]
    [InlineData("""{"displayName":"g","filter":"SELECT * FROM dtmi:a:b;1"}""", "devices")]
    [InlineData("""{"displayName":"g","filter":"SELECT * FROM devices WHERE"}""", "position")]
    [InlineData("""{"displayName":"g","filter":"SELECT * FROM devices WHERE $template = \"unclosed"}""", "not closed")]
    [InlineData("""{"displayName":"g","filter":"SELECT * FROM devices WHERE $nope = 1"}""", "$nope")]
    [InlineData("""{"displayName":"g","filter":"SELECT * FROM devices WHERE WITHIN_WINDOW(P1D)"}""", "WITHIN_WINDOW")]
    [InlineData("""{"displayName":"g","filter":"SELECT * FROM devices","organizations":["a","b"]}""", "organizations")]
    [InlineData("""{"displayName":"g","filter":"SELECT * FROM devices","organizations":["nowhere"]}""", "does not exist")]
    public async Task InvalidBody_Is400_AndStoresNothing(string body, string expected)
    {
        var message = await ErrorAssert.IsErrorAsync(await Admin.PutAsync(Url("invalid-group"), body), HttpStatusCode.BadRequest);
        Assert.Contains(expected, message);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync(Url("invalid-group"))).Status);
    }

    [Fact]
    public async Task InvalidId_Is400()
    {
        await ErrorAssert.IsErrorAsync(await Admin.PutAsync(Url("bad.id"), new { displayName = "g", filter = "SELECT * FROM devices" }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Devices_AreWhatTheFilterSelectsNow()
    {
        await PutDeviceAsync("grp-sim-1", new { template = "dtmi:contoso:groupFilter;1", simulated = true });
        await PutDeviceAsync("grp-sim-2", new { template = "dtmi:contoso:groupFilter;1", simulated = true, displayName = "Second" });
        await PutDeviceAsync("grp-real", new { template = "dtmi:contoso:groupFilter;1" });
        await PutDeviceAsync("grp-other", new { template = "dtmi:contoso:other;1", simulated = true });
        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsync(Url("simulated-group"), new
        {
            displayName = "Simulated",
            filter = "SELECT * FROM devices WHERE $template = \"dtmi:contoso:groupFilter;1\" AND $simulated = true",
        })).Status);

        Assert.Equal(["grp-sim-1", "grp-sim-2"], await MembersAsync(Admin, "simulated-group"));

        await Admin.PatchAsync(ApiClient.Api("/devices/grp-real"), new { simulated = true });
        Assert.Equal(["grp-real", "grp-sim-1", "grp-sim-2"], await MembersAsync(Admin, "simulated-group"));

        Assert.Equal(HttpStatusCode.OK, (await Admin.PatchAsync(Url("simulated-group"), new { filter = "SELECT * FROM devices WHERE $displayName = 'Second' OR $id IN ['grp-other']" })).Status);
        Assert.Equal(["grp-other", "grp-sim-2"], await MembersAsync(Admin, "simulated-group"));
    }

    [Fact]
    public async Task Devices_CanBeSelectedByReportedProperty()
    {
        await DeviceTemplates.CreatePhoneAsync(Admin, "grp-phone-a", simulated: false);
        await DeviceTemplates.CreatePhoneAsync(Admin, "grp-phone-b", simulated: false);
        var device = await DeviceFeed.ClientAsync(Admin, "grp-phone-a");
        await DeviceFeed.ReportAsync(device, "grp-phone-a", new { component = "device_info", values = new { manufacturer = "Contoso", totalMemory = 8192 } });
        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsync(Url("contoso-phones"), new
        {
            displayName = "Contoso phones",
            filter = "SELECT * FROM devices WHERE device_info.manufacturer = \"Contoso\" AND device_info.totalMemory >= 4096",
        })).Status);

        Assert.Equal(["grp-phone-a"], await MembersAsync(Admin, "contoso-phones"));
    }

    [Fact]
    public async Task Devices_ArePaged_AndAGroupWithAnOrganizationHoldsOnlyItsDevices()
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { PageSize = 2 });
        await Organizations.EnsureAsync(emulator.Admin, "redmond");
        foreach (var id in new[] { "p1", "p2", "p3", "p4" })
        {
            Assert.Equal(HttpStatusCode.OK, (await emulator.Admin.PutAsync(ApiClient.Api($"/devices/{id}"), new { organizations = id == "p4" ? Array.Empty<string>() : ["redmond"] })).Status);
        }

        Assert.Equal(HttpStatusCode.OK, (await emulator.Admin.PutAsync(Url("everything"), new { displayName = "All", filter = "SELECT * FROM devices" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await emulator.Admin.PutAsync(Url("redmond-all"), new { displayName = "Redmond", filter = "SELECT * FROM devices", organizations = new[] { "redmond" } })).Status);

        Assert.Equal(["p1", "p2", "p3", "p4"], await MembersAsync(emulator.Admin, "everything"));
        Assert.Equal(["p1", "p2", "p3"], await MembersAsync(emulator.Admin, "redmond-all"));
        Assert.Contains("device group", await ErrorAssert.IsErrorAsync(await emulator.Admin.DeleteAsync(Organizations.Url("redmond")), HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task AGroupInAnOrganization_HoldsDevicesOfItsSubOrganizations_NotOfItsParentOrSiblings()
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions());
        await Organizations.EnsureAsync(emulator.Admin, "contoso");
        await Organizations.EnsureAsync(emulator.Admin, "contoso-west", "contoso");
        await Organizations.EnsureAsync(emulator.Admin, "contoso-west-seattle", "contoso-west");
        await Organizations.EnsureAsync(emulator.Admin, "contoso-east", "contoso");
        var placed = new Dictionary<string, string>
        {
            ["in-contoso"] = "contoso",
            ["in-west"] = "contoso-west",
            ["in-seattle"] = "contoso-west-seattle",
            ["in-east"] = "contoso-east",
        };
        foreach (var (device, organization) in placed)
        {
            Assert.Equal(HttpStatusCode.OK, (await emulator.Admin.PutAsync(ApiClient.Api($"/devices/{device}"), new { organizations = new[] { organization } })).Status);
        }

        Assert.Equal(HttpStatusCode.OK, (await emulator.Admin.PutAsync(ApiClient.Api("/devices/in-root"), new { displayName = "root" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await emulator.Admin.PutAsync(Url("west"), new { displayName = "West", filter = "SELECT * FROM devices", organizations = new[] { "contoso-west" } })).Status);
        Assert.Equal(HttpStatusCode.OK, (await emulator.Admin.PutAsync(Url("contoso"), new { displayName = "Contoso", filter = "SELECT * FROM devices", organizations = new[] { "contoso" } })).Status);

        Assert.Equal(["in-seattle", "in-west"], (await MembersAsync(emulator.Admin, "west")).Order(StringComparer.Ordinal));
        Assert.Equal(["in-contoso", "in-east", "in-seattle", "in-west"], (await MembersAsync(emulator.Admin, "contoso")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Viewers_ReadGroups_OperatorsManageThem()
    {
        var viewer = await fixture.Emulator.CreateTokenClientAsync("group-viewer", RoleIds.OrgViewer);
        var operatorClient = await fixture.Emulator.CreateTokenClientAsync("group-operator", RoleIds.Operator);
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.PutAsync(Url("by-operator"), new { displayName = "g", filter = "SELECT * FROM devices" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(Url("by-operator"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(Url("by-operator", "/devices"))).Status);
        await ErrorAssert.IsErrorAsync(await viewer.PutAsync(Url("by-viewer"), new { displayName = "g", filter = "SELECT * FROM devices" }), HttpStatusCode.Forbidden);
        await ErrorAssert.IsErrorAsync(await viewer.DeleteAsync(Url("by-operator")), HttpStatusCode.Forbidden);
    }
}
