using System.Net;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

/// <summary>Organizations_* and the check that devices, users and API tokens name only organizations that exist.</summary>
public sealed class OrganizationTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private ApiClient Admin => fixture.Admin;

    private static string Url(string id) => Organizations.Url(id);

    [Fact]
    public async Task CreateGetUpdateRemove_AndTheTreeKeepsItsParents()
    {
        var parent = await Admin.PutAsync(Url("crud-washington"), new { displayName = "Washington" });
        Assert.Equal(HttpStatusCode.OK, parent.Status);
        await SpecSchemas.AssertValidAsync("Organization", parent.Body);
        Assert.False(parent.Json.TryGetProperty("parent", out _));

        var child = await Admin.PutAsync(Url("crud-seattle"), new { displayName = "Seattle", parent = "crud-washington" });
        Assert.Equal("crud-washington", child.Json.GetProperty("parent").GetString());
        var fetched = await Admin.GetAsync(Url("crud-seattle"));
        await SpecSchemas.AssertValidAsync("Organization", fetched.Body);
        Assert.Equal(child.Body, fetched.Body);

        var renamed = await Admin.PatchAsync(Url("crud-seattle"), new { displayName = "Seattle HQ" });
        Assert.Equal("Seattle HQ", renamed.Json.GetProperty("displayName").GetString());
        Assert.Equal("crud-washington", renamed.Json.GetProperty("parent").GetString());

        var topLevel = await Admin.PatchAsync(Url("crud-seattle"), new { parent = (string?)null });
        Assert.False(topLevel.Json.TryGetProperty("parent", out _));

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync(Url("crud-seattle"))).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync(Url("crud-washington"))).Status);
        await ErrorAssert.IsErrorAsync(await Admin.GetAsync(Url("crud-seattle")), HttpStatusCode.NotFound);
        await ErrorAssert.IsErrorAsync(await Admin.DeleteAsync(Url("crud-seattle")), HttpStatusCode.NotFound);
        await ErrorAssert.IsErrorAsync(await Admin.PatchAsync(Url("crud-seattle"), new { displayName = "x" }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DisplayName_DefaultsToTheId()
    {
        var created = await Admin.PutAsync(Url("unnamed-org"), new { });
        Assert.Equal("unnamed-org", created.Json.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task List_IsPagedAndMatchesTheSchema()
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { PageSize = 2 });
        foreach (var id in new[] { "page-a", "page-b", "page-c" })
        {
            await Organizations.EnsureAsync(emulator.Admin, id);
        }

        var pages = await emulator.Admin.GetAllPagesAsync(ApiClient.Api("/organizations"));
        Assert.Equal(2, pages.Count);
        foreach (var page in pages)
        {
            await SpecSchemas.AssertValidAsync("OrganizationCollection", page.Body);
        }

        Assert.Equal(["page-a", "page-b", "page-c"], pages.SelectMany(p => p.Json.GetProperty("value").EnumerateArray()).Select(o => o.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("UPPER")]
    [InlineData("-leading")]
    [InlineData("trailing-")]
    [InlineData("a")]
    [InlineData("has_underscore")]
    public async Task InvalidId_Is400(string id)
    {
        var message = await ErrorAssert.IsErrorAsync(await Admin.PutAsync(Url(id), new { }), HttpStatusCode.BadRequest);
        Assert.Contains(id, message);
    }

    [Fact]
    public async Task InvalidBodies_Are400_AndStoreNothing()
    {
        Assert.Contains("does not exist", await ErrorAssert.IsErrorAsync(await Admin.PutAsync(Url("orphan"), new { parent = "no-such-org" }), HttpStatusCode.BadRequest));
        Assert.Contains("displayName", await ErrorAssert.IsErrorAsync(await Admin.PutAsync(Url("orphan"), new { displayName = " " }), HttpStatusCode.BadRequest));
        Assert.Contains("parent", await ErrorAssert.IsErrorAsync(await Admin.PutAsync(Url("orphan"), new { parent = 5 }), HttpStatusCode.BadRequest));
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync(Url("orphan"))).Status);
    }

    [Fact]
    public async Task AnOrganizationCannotBecomeItsOwnAncestor()
    {
        await Organizations.EnsureAsync(Admin, "cycle-a");
        await Organizations.EnsureAsync(Admin, "cycle-b", "cycle-a");
        await Organizations.EnsureAsync(Admin, "cycle-c", "cycle-b");

        Assert.Contains("ancestor", await ErrorAssert.IsErrorAsync(await Admin.PatchAsync(Url("cycle-a"), new { parent = "cycle-c" }), HttpStatusCode.BadRequest));
        await ErrorAssert.IsErrorAsync(await Admin.PutAsync(Url("cycle-a"), new { parent = "cycle-a" }), HttpStatusCode.BadRequest);
        Assert.False((await Admin.GetAsync(Url("cycle-a"))).Json.TryGetProperty("parent", out _));
    }

    [Fact]
    public async Task Remove_IsRefusedWhileAnythingBelongsToTheOrganization()
    {
        await Organizations.EnsureAsync(Admin, "busy");
        await Organizations.EnsureAsync(Admin, "busy-child", "busy");
        Assert.Contains("child organization", await ErrorAssert.IsErrorAsync(await Admin.DeleteAsync(Url("busy")), HttpStatusCode.Conflict));

        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsync(ApiClient.Api("/devices/busy-device"), new { organizations = new[] { "busy-child" } })).Status);
        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsync(ApiClient.Api("/users/busy-user"), new
        {
            type = "email", email = "busy@contoso.com", roles = new[] { new { role = RoleIds.OrgViewer, organization = "busy-child" } },
        })).Status);
        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsync(ApiClient.Api("/apiTokens/busy-token"), new
        {
            roles = new[] { new { role = RoleIds.OrgOperator, organization = "busy-child" } },
        })).Status);

        var response = await Admin.DeleteAsync(Url("busy-child"));
        var message = await ErrorAssert.IsErrorAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("OrganizationInUse", response.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("1 device(s)", message);
        Assert.Contains("1 user(s)", message);
        Assert.Contains("1 API token(s)", message);

        await Admin.DeleteAsync(ApiClient.Api("/devices/busy-device"));
        await Admin.DeleteAsync(ApiClient.Api("/users/busy-user"));
        await Admin.DeleteAsync(ApiClient.Api("/apiTokens/busy-token"));
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync(Url("busy-child"))).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync(Url("busy"))).Status);
    }

    public static TheoryData<string, string, object> UnknownOrganizationBodies => new()
    {
        { "/devices/unknown-org-device", "PUT", new { organizations = new[] { "nowhere" } } },
        { "/apiTokens/unknown-org-token", "PUT", new { roles = new[] { new { role = RoleIds.OrgAdmin, organization = "nowhere" } } } },
        { "/users/unknown-org-user", "PUT", new { type = "email", email = "nowhere@contoso.com", roles = new[] { new { role = RoleIds.OrgAdmin, organization = "nowhere" } } } },
    };

    [Theory]
    [MemberData(nameof(UnknownOrganizationBodies))]
    public async Task NamingAnOrganizationThatDoesNotExist_Is400_AndStoresNothing(string path, string method, object body)
    {
        var response = await Admin.SendAsync(new HttpMethod(method), ApiClient.Api(path), body);
        Assert.Contains("'nowhere' does not exist", await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest));
        Assert.Equal("OrganizationNotFound", response.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync(ApiClient.Api(path))).Status);
    }

    [Fact]
    public async Task PatchingADeviceIntoAnUnknownOrganization_Is400_AndKeepsTheDevice()
    {
        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsync(ApiClient.Api("/devices/kept-device"), new { displayName = "kept" })).Status);
        await ErrorAssert.IsErrorAsync(await Admin.PatchAsync(ApiClient.Api("/devices/kept-device"), new { organizations = new[] { "nowhere" } }), HttpStatusCode.BadRequest);
        Assert.False((await Admin.GetAsync(ApiClient.Api("/devices/kept-device"))).Json.TryGetProperty("organizations", out _));
    }

    [Fact]
    public async Task EveryRoleReadsOrganizations_OnlyAdministratorsChangeThem()
    {
        await Organizations.EnsureAsync(Admin, "read-only-org");
        var viewer = await fixture.Emulator.CreateTokenClientAsync("org-reader", RoleIds.OrgViewer);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(ApiClient.Api("/organizations"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(Url("read-only-org"))).Status);

        var builder = await fixture.Emulator.CreateTokenClientAsync("org-builder", RoleIds.Builder);
        await ErrorAssert.IsErrorAsync(await builder.PutAsync(Url("by-builder"), new { }), HttpStatusCode.Forbidden);
        await ErrorAssert.IsErrorAsync(await builder.PatchAsync(Url("read-only-org"), new { displayName = "x" }), HttpStatusCode.Forbidden);
        await ErrorAssert.IsErrorAsync(await builder.DeleteAsync(Url("read-only-org")), HttpStatusCode.Forbidden);
    }
}
