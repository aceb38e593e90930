using System.Net;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

/// <summary>
/// Organization-scoped callers reaching outside their subtree: the status and error code of each kind of refusal,
/// and what an Org Admin may do to the organization tree, users and tokens. The matrix of allow/deny is in
/// <see cref="OrganizationScopeMatrixTests"/>.
/// </summary>
public sealed class OrganizationScopeTests : IAsyncLifetime
{
    private const string Preview = "2022-10-31-preview";

    private TestEmulator _emulator = null!;

    private ApiClient Admin => _emulator.Admin;

    public async Task InitializeAsync()
    {
        _emulator = await TestEmulator.StartAsync();
        await Organizations.EnsureAsync(Admin, "parent");
        await Organizations.EnsureAsync(Admin, "mine", "parent");
        await Organizations.EnsureAsync(Admin, "sibling", "parent");
        await Organizations.EnsureAsync(Admin, "child", "mine");
        foreach (var (device, organization) in new[] { ("in-mine", "mine"), ("in-child", "child"), ("in-sibling", "sibling") })
        {
            await DeviceTemplates.CreatePhoneAsync(Admin, device, simulated: true);
            Assert.Equal(HttpStatusCode.OK, (await Admin.PatchAsync(ApiClient.Api($"/devices/{device}"), new { organizations = new[] { organization } })).Status);
        }

        await DeviceTemplates.CreatePhoneAsync(Admin, "in-root", simulated: true);
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task DeviceOutsideTheSubtree_IsNotFound_WithItsSubResources()
    {
        var client = await ScopedClientAsync("op-mine", RoleIds.OrgOperator, "mine");

        foreach (var path in new[] { "", "/credentials", "/properties", "/relationships", "/attestation", "/components", "/telemetry/temperature" })
        {
            foreach (var device in new[] { "in-sibling", "in-root" })
            {
                var response = await client.GetAsync(ApiClient.Api($"/devices/{device}{path}"));
                var message = await ErrorAssert.IsErrorAsync(response, HttpStatusCode.NotFound);
                Assert.Equal("DeviceNotFound", response.Json.GetProperty("error").GetProperty("code").GetString());
                Assert.Contains(device, message);
            }
        }

        await ErrorAssert.IsErrorAsync(await client.PatchAsync(ApiClient.Api("/devices/in-sibling"), new { displayName = "mine now" }), HttpStatusCode.NotFound);
        await ErrorAssert.IsErrorAsync(await client.DeleteAsync(ApiClient.Api("/devices/in-sibling")), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ApiClient.Api("/devices/in-child/properties"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync(ApiClient.Api("/devices/in-sibling"))).Status);
    }

    [Fact]
    public async Task ScopedCaller_CannotPlaceOrMoveDevicesOutsideItsSubtree()
    {
        var client = await ScopedClientAsync("op-place", RoleIds.OrgOperator, "mine");

        // Replacing an existing device it cannot see: 403, since "does not exist" would be untrue for a create-or-replace.
        await ErrorAssert.IsErrorAsync(await client.PutAsync(ApiClient.Api("/devices/in-sibling"), new { organizations = new[] { "mine" } }), HttpStatusCode.Forbidden);
        Assert.Contains("'sibling'", await ErrorAssert.IsErrorAsync(
            await client.PutAsync(ApiClient.Api("/devices/new-in-sibling"), new { organizations = new[] { "sibling" } }), HttpStatusCode.Forbidden));
        Assert.Contains("'mine'", await ErrorAssert.IsErrorAsync(
            await client.PutAsync(ApiClient.Api("/devices/new-in-root"), new { displayName = "no organization" }), HttpStatusCode.Forbidden));
        await ErrorAssert.IsErrorAsync(
            await client.PatchAsync(ApiClient.Api("/devices/in-mine"), new { organizations = new[] { "parent" } }), HttpStatusCode.Forbidden);
        // Naming no organization at all is still the 400 every caller gets.
        var unknown = await client.PutAsync(ApiClient.Api("/devices/new-nowhere"), new { organizations = new[] { "nowhere" } });
        await ErrorAssert.IsErrorAsync(unknown, HttpStatusCode.BadRequest);
        Assert.Equal("OrganizationNotFound", unknown.Json.GetProperty("error").GetProperty("code").GetString());

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync(ApiClient.Api("/devices/new-in-child"), new { organizations = new[] { "child" } })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync(ApiClient.Api("/devices/new-in-sibling"))).Status);
        Assert.Equal("mine", (await Admin.GetAsync(ApiClient.Api("/devices/in-mine"))).Json.GetProperty("organizations")[0].GetString());
    }

    [Fact]
    public async Task ListsAndQueries_ShowOnlyTheSubtree()
    {
        var client = await ScopedClientAsync("viewer-lists", RoleIds.OrgViewer, "mine");

        var pages = await client.GetAllPagesAsync(ApiClient.Api("/devices"));
        var listed = pages.SelectMany(p => p.Json.GetProperty("value").EnumerateArray()).Select(d => d.GetProperty("id").GetString()).Order().ToList();
        Assert.Equal(["in-child", "in-mine"], listed);

        var organizations = (await client.GetAllPagesAsync(ApiClient.Api("/organizations")))
            .SelectMany(p => p.Json.GetProperty("value").EnumerateArray()).Select(o => o.GetProperty("id").GetString()).Order().ToList();
        Assert.Equal(["child", "mine"], organizations);
        await ErrorAssert.IsErrorAsync(await client.GetAsync(ApiClient.Api("/organizations/parent")), HttpStatusCode.NotFound);

        var query = await client.SendAsync(HttpMethod.Post, $"/api/query?api-version={Preview}", new { query = $"SELECT $id FROM {DeviceTemplates.PhoneId}" });
        Assert.True(query.Status == HttpStatusCode.OK, query.ToString());
        var queried = query.Json.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("$id").GetString()).Order().ToList();
        Assert.Equal(["in-child", "in-mine"], queried);

        // Device templates stay readable application-wide, as on the service.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(DeviceTemplates.Url(DeviceTemplates.PhoneId))).Status);
    }

    [Fact]
    public async Task OrgAdmin_ManagesTheTreeUsersAndTokens_BelowItsOwnOrganization()
    {
        var client = await ScopedClientAsync("admin-mine", RoleIds.OrgAdmin, "mine");

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync(Organizations.Url("grandchild"), new { displayName = "Grandchild", parent = "child" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsync(Organizations.Url("grandchild"), new { parent = "mine" })).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(Organizations.Url("grandchild"))).Status);
        await ErrorAssert.IsErrorAsync(await client.PutAsync(Organizations.Url("top"), new { displayName = "Top" }), HttpStatusCode.Forbidden);
        await ErrorAssert.IsErrorAsync(await client.PutAsync(Organizations.Url("under-sibling"), new { displayName = "x", parent = "sibling" }), HttpStatusCode.Forbidden);
        Assert.Contains("below", await ErrorAssert.IsErrorAsync(await client.PatchAsync(Organizations.Url("mine"), new { displayName = "Renamed" }), HttpStatusCode.Forbidden));
        await ErrorAssert.IsErrorAsync(await client.PatchAsync(Organizations.Url("child"), new { parent = "sibling" }), HttpStatusCode.Forbidden);
        await ErrorAssert.IsErrorAsync(await client.DeleteAsync(Organizations.Url("sibling")), HttpStatusCode.NotFound);

        var token = await client.PutAsync(ApiClient.Api("/apiTokens/made-by-org-admin"), new { roles = new[] { new { role = RoleIds.OrgOperator, organization = "child" } } });
        Assert.True(token.Status == HttpStatusCode.OK, token.ToString());
        Assert.Contains("application role", await ErrorAssert.IsErrorAsync(
            await client.PutAsync(ApiClient.Api("/apiTokens/escalated"), new { roles = new[] { new { role = RoleIds.Administrator, organization = "mine" } } }),
            HttpStatusCode.Forbidden));
        await ErrorAssert.IsErrorAsync(
            await client.PutAsync(ApiClient.Api("/users/sibling-user"), new { type = "email", email = "s@contoso.com", roles = new[] { new { role = RoleIds.OrgViewer, organization = "sibling" } } }),
            HttpStatusCode.Forbidden);

        // Device templates belong to the whole application: no organization role changes them.
        await ErrorAssert.IsErrorAsync(await client.DeleteAsync(DeviceTemplates.Url(DeviceTemplates.PhoneId)), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task MixedAssignments_ManageOnlyWhereTheManagingRoleIs()
    {
        var created = await Admin.PutAsync(ApiClient.Api("/apiTokens/mixed-scope"), new
        {
            roles = new object[] { new { role = RoleIds.OrgOperator, organization = "child" }, new { role = RoleIds.OrgViewer, organization = "sibling" } },
        });
        var client = Admin.WithToken(created.Json.GetProperty("token").GetString());

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ApiClient.Api("/devices/in-sibling"))).Status);
        await ErrorAssert.IsErrorAsync(await client.PatchAsync(ApiClient.Api("/devices/in-sibling"), new { displayName = "x" }), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsync(ApiClient.Api("/devices/in-child"), new { displayName = "x" })).Status);
    }

    private async Task<ApiClient> ScopedClientAsync(string tokenId, string role, string organization)
    {
        var created = await Admin.PutAsync(ApiClient.Api($"/apiTokens/{tokenId}"), new { roles = new[] { new { role, organization } } });
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        return Admin.WithToken(created.Json.GetProperty("token").GetString());
    }
}
