using System.Net;
using System.Text.Json;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

public sealed class DeviceTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private ApiClient Admin => fixture.Admin;

    private static string Device(string id, string suffix = "") => ApiClient.Api($"/devices/{Uri.EscapeDataString(id)}{suffix}");

    private async Task<JsonElement> PutAsync(string id, object body)
    {
        await Organizations.EnsureAsync(Admin, "seattle");
        var response = await Admin.PutAsync(Device(id), body);
        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
        return response.Json;
    }

    [Fact]
    public async Task Create_AppliesTheSpecDefaults()
    {
        var device = await PutAsync("defaults", new { });

        Assert.Equal("defaults", device.GetProperty("id").GetString());
        Assert.Equal("defaults", device.GetProperty("displayName").GetString());
        Assert.True(device.GetProperty("enabled").GetBoolean());
        Assert.False(device.GetProperty("provisioned").GetBoolean());
        Assert.False(device.GetProperty("simulated").GetBoolean());
        Assert.False(device.TryGetProperty("template", out _));
        Assert.False(string.IsNullOrEmpty(device.GetProperty("etag").GetString()));
    }

    [Fact]
    public async Task Create_KeepsTheBodyAndIgnoresReadOnlyMembers()
    {
        var device = await PutAsync("full", new
        {
            id = "other-id",
            provisioned = true,
            displayName = "Thermostat",
            template = "dtmi:contoso:testDeviceTemplate;1",
            simulated = true,
            enabled = false,
            organizations = new[] { "seattle" },
        });

        Assert.Equal("full", device.GetProperty("id").GetString());
        Assert.False(device.GetProperty("provisioned").GetBoolean());
        Assert.Equal("Thermostat", device.GetProperty("displayName").GetString());
        Assert.Equal("dtmi:contoso:testDeviceTemplate;1", device.GetProperty("template").GetString());
        Assert.True(device.GetProperty("simulated").GetBoolean());
        Assert.False(device.GetProperty("enabled").GetBoolean());
        Assert.Equal("seattle", device.GetProperty("organizations")[0].GetString());
        Assert.Equal(device.GetRawText(), (await Admin.GetAsync(Device("full"))).Json.GetRawText());
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync(Device("other-id"))).Status);
    }

    [Fact]
    public async Task Put_ReplacesTheDevice_AndChangesTheEtag()
    {
        var first = await PutAsync("replaced", new { displayName = "one", template = "dtmi:a:b;1", simulated = true });

        var second = await PutAsync("replaced", new { enabled = false });

        Assert.Equal("replaced", second.GetProperty("displayName").GetString());
        Assert.False(second.TryGetProperty("template", out _));
        Assert.False(second.GetProperty("simulated").GetBoolean());
        Assert.False(second.GetProperty("enabled").GetBoolean());
        Assert.NotEqual(first.GetProperty("etag").GetString(), second.GetProperty("etag").GetString());
    }

    [Theory]
    [InlineData("application/merge-patch+json")]
    [InlineData("application/json")]
    [InlineData("application/merge-patch+json; charset=utf-8")]
    public async Task Patch_MergesAndKeepsUntouchedMembers(string mediaType)
    {
        var id = "patched-" + mediaType.Length;
        var created = await PutAsync(id, new { displayName = "before", template = "dtmi:a:b;1", simulated = true, organizations = new[] { "seattle" } });

        var patched = await Admin.PatchAsync(Device(id), new { displayName = "after" }, mediaType);

        Assert.Equal(HttpStatusCode.OK, patched.Status);
        Assert.Equal("after", patched.Json.GetProperty("displayName").GetString());
        Assert.Equal("dtmi:a:b;1", patched.Json.GetProperty("template").GetString());
        Assert.True(patched.Json.GetProperty("simulated").GetBoolean());
        Assert.True(patched.Json.GetProperty("enabled").GetBoolean());
        Assert.Equal("seattle", patched.Json.GetProperty("organizations")[0].GetString());
        Assert.NotEqual(created.GetProperty("etag").GetString(), patched.Json.GetProperty("etag").GetString());
        Assert.Equal(patched.Body, (await Admin.GetAsync(Device(id))).Body);
    }

    [Fact]
    public async Task Patch_WithNull_ResetsAMemberToItsDefault()
    {
        await PutAsync("nulls", new { displayName = "named", template = "dtmi:a:b;1", organizations = new[] { "seattle" } });

        var patched = await Admin.PatchAsync(Device("nulls"), "{\"displayName\":null,\"template\":null,\"organizations\":null}");

        Assert.Equal("nulls", patched.Json.GetProperty("displayName").GetString());
        Assert.False(patched.Json.TryGetProperty("template", out _));
        Assert.False(patched.Json.TryGetProperty("organizations", out _));
    }

    [Fact]
    public async Task EtagMismatch_Is412_AndMatchingEtagIsAccepted()
    {
        var etag = (await PutAsync("etagged", new { })).GetProperty("etag").GetString()!;

        await ErrorAssert.IsErrorAsync(await Admin.PatchAsync(Device("etagged"), new { etag = "stale", displayName = "x" }), HttpStatusCode.PreconditionFailed);
        await ErrorAssert.IsErrorAsync(await Admin.SendAsync(HttpMethod.Patch, Device("etagged"), new { displayName = "x" },
            "application/merge-patch+json", new Dictionary<string, string> { ["If-Match"] = "\"stale\"" }), HttpStatusCode.PreconditionFailed);
        Assert.Equal("etagged", (await Admin.GetAsync(Device("etagged"))).Json.GetProperty("displayName").GetString());

        var ok = await Admin.PatchAsync(Device("etagged"), new { etag, displayName = "x" });
        Assert.Equal(HttpStatusCode.OK, ok.Status);
        Assert.Equal("x", ok.Json.GetProperty("displayName").GetString());
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("slash&amp")]
    [InlineData("tab\t")]
    [InlineData("ümlaut")]
    [InlineData("a[b]")]
    public async Task InvalidDeviceId_Is400(string id)
    {
        var message = await ErrorAssert.IsErrorAsync(await Admin.PutAsync(Device(id), new { }), HttpStatusCode.BadRequest);
        Assert.Contains("128", message);
    }

    [Fact]
    public async Task TooLongDeviceId_Is400_And128IsAccepted()
    {
        await ErrorAssert.IsErrorAsync(await Admin.PutAsync(Device(new string('a', 129)), new { }), HttpStatusCode.BadRequest);
        Assert.Equal(new string('a', 128), (await PutAsync(new string('a', 128), new { })).GetProperty("id").GetString());
    }

    [Fact]
    public async Task DeviceIdWithEveryAllowedPunctuation_RoundTrips()
    {
        const string id = "Dev-1.2+%_#*?!(),:=@$'";

        var created = await PutAsync(id, new { });

        Assert.Equal(id, created.GetProperty("id").GetString());
        Assert.Equal(id, (await Admin.GetAsync(Device(id))).Json.GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync(Device(id))).Status);
    }

    [Theory]
    [InlineData("""{"enabled":"yes"}""", "enabled")]
    [InlineData("""{"simulated":1}""", "simulated")]
    [InlineData("""{"displayName":42}""", "displayName")]
    [InlineData("""{"displayName":"  "}""", "displayName")]
    [InlineData("""{"template":123}""", "template")]
    [InlineData("""{"template":{"id":"x"}}""", "template")]
    [InlineData("""{"template":"has spaces in it"}""", "template")]
    [InlineData("""{"organizations":"seattle"}""", "organizations")]
    [InlineData("""{"organizations":["a","b"]}""", "organizations")]
    [InlineData("""{"organizations":[1]}""", "organizations")]
    [InlineData("""[]""", "object")]
    [InlineData("""{"displayName":""", "JSON")]
    [InlineData("", "required")]
    public async Task BadBody_Is400_NamingTheProblem(string body, string expectedInMessage)
    {
        var message = await ErrorAssert.IsErrorAsync(await Admin.PutAsync(Device("bad-body"), body), HttpStatusCode.BadRequest);

        Assert.Contains(expectedInMessage, message);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync(Device("bad-body"))).Status);
    }

    [Fact]
    public async Task BadPatchBody_Is400_AndLeavesTheDeviceUnchanged()
    {
        var before = await PutAsync("patch-guard", new { displayName = "kept" });

        await ErrorAssert.IsErrorAsync(await Admin.PatchAsync(Device("patch-guard"), """{"displayName":"new","enabled":"no"}"""), HttpStatusCode.BadRequest);

        Assert.Equal(before.GetRawText(), (await Admin.GetAsync(Device("patch-guard"))).Json.GetRawText());
    }

    [Fact]
    public async Task UnsupportedContentType_Is415()
    {
        await ErrorAssert.IsErrorAsync(await Admin.SendAsync(HttpMethod.Put, Device("text"), "{}", "text/plain"), HttpStatusCode.UnsupportedMediaType);
        await ErrorAssert.IsErrorAsync(await Admin.SendAsync(HttpMethod.Put, Device("text"), "{}", "application/merge-patch+json"),
            HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task UnknownDevice_Is404_OnEveryRoute()
    {
        await ErrorAssert.IsErrorAsync(await Admin.GetAsync(Device("ghost")), HttpStatusCode.NotFound);
        await ErrorAssert.IsErrorAsync(await Admin.PatchAsync(Device("ghost"), new { displayName = "x" }), HttpStatusCode.NotFound);
        await ErrorAssert.IsErrorAsync(await Admin.DeleteAsync(Device("ghost")), HttpStatusCode.NotFound);
        var message = await ErrorAssert.IsErrorAsync(await Admin.GetAsync(Device("ghost", "/credentials")), HttpStatusCode.NotFound);
        Assert.Contains("ghost", message);
    }

    [Fact]
    public async Task Delete_RemovesTheDevice()
    {
        await PutAsync("short-lived", new { });

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync(Device("short-lived"))).Status);

        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync(Device("short-lived"))).Status);
    }

    [Fact]
    public async Task Credentials_AreRealKeys_StableAcrossCallsAndUpdates()
    {
        await PutAsync("keyed", new { });
        await PutAsync("keyed-2", new { });

        var first = (await Admin.GetAsync(Device("keyed", "/credentials"))).Json;
        await Admin.PatchAsync(Device("keyed"), new { displayName = "renamed" });
        await PutAsync("keyed", new { displayName = "replaced" });
        var second = (await Admin.GetAsync(Device("keyed", "/credentials"))).Json;
        var other = (await Admin.GetAsync(Device("keyed-2", "/credentials"))).Json;

        Assert.Equal(first.GetRawText(), second.GetRawText());
        var primary = first.GetProperty("symmetricKey").GetProperty("primaryKey").GetString()!;
        var secondary = first.GetProperty("symmetricKey").GetProperty("secondaryKey").GetString()!;
        Assert.Equal(64, Convert.FromBase64String(primary).Length);
        Assert.Equal(64, Convert.FromBase64String(secondary).Length);
        Assert.NotEqual(primary, secondary);
        Assert.NotEqual(primary, other.GetProperty("symmetricKey").GetProperty("primaryKey").GetString());
        var idScope = first.GetProperty("idScope").GetString()!;
        Assert.Matches("^0ne[0-9A-F]{8}$", idScope);
        Assert.Equal(idScope, other.GetProperty("idScope").GetString());
    }

    [Fact]
    public async Task ConcurrentCreates_AreAllStored()
    {
        var ids = Enumerable.Range(0, 40).Select(i => $"parallel-{i:D2}").ToList();

        var responses = await Task.WhenAll(ids.Select(id => Admin.PutAsync(Device(id), new { displayName = id })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        var listed = (await Admin.GetAllPagesAsync(ApiClient.Api("/devices")))
            .SelectMany(p => p.Json.GetProperty("value").EnumerateArray().Select(d => d.GetProperty("id").GetString()))
            .Where(id => id!.StartsWith("parallel-", StringComparison.Ordinal));
        Assert.Equal(ids, listed);
    }
}
