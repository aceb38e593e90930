using System.Net;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

public sealed class AuthorizationTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static object TokenBody => new { roles = new[] { new { role = RoleIds.Operator } } };

    [Fact]
    public async Task Operator_CanManageDevices_ButNotApiTokens()
    {
        var client = await fixture.Emulator.CreateTokenClientAsync("op", RoleIds.Operator);

        var device = await client.PutAsync(ApiClient.Api("/devices/op-device"), new { displayName = "by operator" });
        Assert.Equal(HttpStatusCode.OK, device.Status);
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsync(ApiClient.Api("/devices/op-device"), new { enabled = false })).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ApiClient.Api("/devices/op-device/credentials"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ApiClient.Api("/roles"))).Status);

        var message = await ErrorAssert.IsErrorAsync(await client.PutAsync(ApiClient.Api("/apiTokens/by-op"), TokenBody), HttpStatusCode.Forbidden);
        Assert.Contains("op", message);
        await ErrorAssert.IsErrorAsync(await client.GetAsync(ApiClient.Api("/apiTokens")), HttpStatusCode.Forbidden);
        await ErrorAssert.IsErrorAsync(await client.GetAsync(ApiClient.Api("/apiTokens/op")), HttpStatusCode.Forbidden);
        await ErrorAssert.IsErrorAsync(await client.DeleteAsync(ApiClient.Api("/apiTokens/op")), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Admin.GetAsync(ApiClient.Api("/apiTokens/by-op"))).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(ApiClient.Api("/devices/op-device"))).Status);
    }

    [Fact]
    public async Task Builder_CanManageDevices_ButNotApiTokens()
    {
        var client = await fixture.Emulator.CreateTokenClientAsync("builder", RoleIds.Builder);

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync(ApiClient.Api("/devices/builder-device"), new { })).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ApiClient.Api("/devices"))).Status);
        await ErrorAssert.IsErrorAsync(await client.PutAsync(ApiClient.Api("/apiTokens/by-builder"), TokenBody), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task OrgViewer_CanReadDevices_ButNotChangeThem()
    {
        Assert.Equal(HttpStatusCode.OK, (await fixture.Admin.PutAsync(ApiClient.Api("/devices/viewed"), new { })).Status);
        var client = await fixture.Emulator.CreateTokenClientAsync("viewer", RoleIds.OrgViewer);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ApiClient.Api("/devices/viewed"))).Status);
        await ErrorAssert.IsErrorAsync(await client.PutAsync(ApiClient.Api("/devices/by-viewer"), new { }), HttpStatusCode.Forbidden);
        await ErrorAssert.IsErrorAsync(await client.DeleteAsync(ApiClient.Api("/devices/viewed")), HttpStatusCode.Forbidden);
        await ErrorAssert.IsErrorAsync(await client.GetAsync(ApiClient.Api("/devices/viewed/credentials")), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CreatedAdministratorToken_CanManageApiTokens()
    {
        var client = await fixture.Emulator.CreateTokenClientAsync("second-admin", RoleIds.Administrator);

        var created = await client.PutAsync(ApiClient.Api("/apiTokens/by-second-admin"), TokenBody);

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ApiClient.Api("/apiTokens/by-second-admin"))).Status);
    }

    [Fact]
    public async Task Roles_AreUnionedAcrossAssignments()
    {
        await Organizations.EnsureAsync(fixture.Admin, "seattle");
        var created = await fixture.Admin.PutAsync(ApiClient.Api("/apiTokens/mixed"), new
        {
            roles = new object[] { new { role = RoleIds.OrgViewer, organization = "seattle" }, new { role = RoleIds.Operator } },
        });
        var client = fixture.Admin.WithToken(created.Json.GetProperty("token").GetString());

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync(ApiClient.Api("/devices/mixed-device"), new { })).Status);
    }
}
