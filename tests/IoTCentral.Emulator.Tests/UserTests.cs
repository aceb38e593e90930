using System.Net;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

/// <summary>Users_List, Users_Get, Users_Create, Users_Update and Users_Remove.</summary>
public sealed class UserTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private ApiClient Admin => fixture.Admin;

    private static object EmailUser(string email, string role = RoleIds.Operator) =>
        new { type = "email", email, roles = new[] { new { role } } };

    [Fact]
    public async Task EmailUser_CreateGetUpdateRemove()
    {
        var created = await Admin.PutAsync(ApiClient.Api("/users/crud-user"), EmailUser("crud@contoso.com"));
        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal("crud-user", created.Json.GetProperty("id").GetString());
        Assert.Equal("email", created.Json.GetProperty("type").GetString());
        Assert.Equal("crud@contoso.com", created.Json.GetProperty("email").GetString());
        Assert.False(created.Json.TryGetProperty("tenantId", out _));

        var fetched = await Admin.GetAsync(ApiClient.Api("/users/crud-user"));
        Assert.Equal(created.Body, fetched.Body);

        var patched = await Admin.PatchAsync(ApiClient.Api("/users/crud-user"), new { roles = new[] { new { role = RoleIds.Builder } } });
        Assert.Equal(HttpStatusCode.OK, patched.Status);
        Assert.Equal(RoleIds.Builder, patched.Json.GetProperty("roles")[0].GetProperty("role").GetString());
        Assert.Equal("crud@contoso.com", patched.Json.GetProperty("email").GetString());

        var removed = await Admin.DeleteAsync(ApiClient.Api("/users/crud-user"));
        Assert.Equal(HttpStatusCode.NoContent, removed.Status);
        await ErrorAssert.IsErrorAsync(await Admin.GetAsync(ApiClient.Api("/users/crud-user")), HttpStatusCode.NotFound);
        await ErrorAssert.IsErrorAsync(await Admin.DeleteAsync(ApiClient.Api("/users/crud-user")), HttpStatusCode.NotFound);
        await ErrorAssert.IsErrorAsync(await Admin.PatchAsync(ApiClient.Api("/users/crud-user"), new { }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Put_ReplacesAnExistingUser_AndPatchCanChangeItsType()
    {
        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsync(ApiClient.Api("/users/replaced"), EmailUser("first@contoso.com"))).Status);

        var replaced = await Admin.PutAsync(ApiClient.Api("/users/replaced"), EmailUser("second@contoso.com", RoleIds.Administrator));
        Assert.Equal("second@contoso.com", replaced.Json.GetProperty("email").GetString());
        Assert.Equal(RoleIds.Administrator, replaced.Json.GetProperty("roles")[0].GetProperty("role").GetString());

        var tenantId = Guid.NewGuid();
        var objectId = Guid.NewGuid();
        await ErrorAssert.IsErrorAsync(await Admin.PatchAsync(ApiClient.Api("/users/replaced"), new { type = "servicePrincipal" }), HttpStatusCode.BadRequest);
        var changed = await Admin.PatchAsync(ApiClient.Api("/users/replaced"),
            new { type = "servicePrincipal", tenantId = tenantId.ToString().ToUpperInvariant(), objectId, email = (string?)null });
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.Equal(tenantId.ToString(), changed.Json.GetProperty("tenantId").GetString());
        Assert.False(changed.Json.TryGetProperty("email", out _));
    }

    public static TheoryData<string, string> InvalidBodies => new()
    {
        { "{}", "type" },
        { $$"""{"type":"robot","roles":[{"role":"{{RoleIds.Operator}}"}]}""", "type" },
        { $$"""{"type":"email","roles":[{"role":"{{RoleIds.Operator}}"}]}""", "email" },
        { $$"""{"type":"email","email":"not an address","roles":[{"role":"{{RoleIds.Operator}}"}]}""", "email" },
        { """{"type":"email","email":"a@b.c","roles":[]}""", "roles" },
        { """{"type":"email","email":"a@b.c"}""", "roles" },
        { """{"type":"email","email":"a@b.c","roles":[{"role":"00000000-0000-0000-0000-000000000000"}]}""", "does not exist" },
        { $$"""{"type":"servicePrincipal","objectId":"{{Guid.NewGuid()}}","roles":[{"role":"{{RoleIds.Operator}}"}]}""", "tenantId" },
        { $$"""{"type":"adGroup","tenantId":"{{Guid.NewGuid()}}","objectId":"not-a-guid","roles":[{"role":"{{RoleIds.Operator}}"}]}""", "objectId" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task InvalidBody_Is400_NamingTheProblem(string body, string expected)
    {
        var message = await ErrorAssert.IsErrorAsync(await Admin.PutAsync(ApiClient.Api("/users/invalid"), body), HttpStatusCode.BadRequest);

        Assert.Contains(expected, message);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync(ApiClient.Api("/users/invalid"))).Status);
    }

    [Theory]
    [InlineData("bad%20id")]
    [InlineData("bad.id")]
    [InlineData("a123456789b123456789c123456789d123456789e12345678")]
    public async Task InvalidUserId_Is400(string userId)
    {
        var response = await Admin.PutAsync(ApiClient.Api($"/users/{userId}"), EmailUser("id@contoso.com"));

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("InvalidId", response.Header("x-ms-error-code"));
    }

    [Fact]
    public async Task LongestValidUserId_IsAccepted()
    {
        var userId = new string('a', 47) + "_";

        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsync(ApiClient.Api($"/users/{userId}"), EmailUser("longest@contoso.com"))).Status);
    }

    [Fact]
    public async Task SameIdentityUnderAnotherId_Is409()
    {
        var tenantId = Guid.NewGuid();
        var objectId = Guid.NewGuid();
        object Body() => new { type = "servicePrincipal", tenantId, objectId, roles = new[] { new { role = RoleIds.Operator } } };
        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsync(ApiClient.Api("/users/sp-first"), Body())).Status);
        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsync(ApiClient.Api("/users/dup-email-1"), EmailUser("dup@contoso.com"))).Status);

        var message = await ErrorAssert.IsErrorAsync(await Admin.PutAsync(ApiClient.Api("/users/sp-second"), Body()), HttpStatusCode.Conflict);
        Assert.Contains("sp-first", message);
        await ErrorAssert.IsErrorAsync(await Admin.PutAsync(ApiClient.Api("/users/dup-email-2"), EmailUser("DUP@contoso.com")), HttpStatusCode.Conflict);
        // The same group as an adGroup user is another identity type, so it is allowed.
        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsync(ApiClient.Api("/users/group"),
            new { type = "adGroup", tenantId, objectId, roles = new[] { new { role = RoleIds.OrgViewer } } })).Status);
    }

    [Fact]
    public async Task OnlyAdministrators_ReadOrManageUsers()
    {
        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsync(ApiClient.Api("/users/guarded"), EmailUser("guarded@contoso.com"))).Status);
        // Org Admin also manages users, but only those of its organizations: OrganizationScopeMatrixTests covers it.
        foreach (var role in new[] { RoleIds.Operator, RoleIds.Builder, RoleIds.OrgOperator, RoleIds.OrgViewer })
        {
            var client = await fixture.Emulator.CreateTokenClientAsync("users-" + role[..8], role);
            await ErrorAssert.IsErrorAsync(await client.GetAsync(ApiClient.Api("/users")), HttpStatusCode.Forbidden);
            await ErrorAssert.IsErrorAsync(await client.GetAsync(ApiClient.Api("/users/guarded")), HttpStatusCode.Forbidden);
            await ErrorAssert.IsErrorAsync(await client.PutAsync(ApiClient.Api("/users/by-" + role[..8]), EmailUser("x@contoso.com")), HttpStatusCode.Forbidden);
            await ErrorAssert.IsErrorAsync(await client.DeleteAsync(ApiClient.Api("/users/guarded")), HttpStatusCode.Forbidden);
        }

        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync(ApiClient.Api("/users/guarded"))).Status);
    }

    [Fact]
    public async Task List_IsPaged()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsync(ApiClient.Api($"/users/paged-{i}"), EmailUser($"paged{i}@contoso.com"))).Status);
        }

        var pages = await Admin.GetAllPagesAsync("/api/users?api-version=2022-10-31-preview&maxpagesize=1");

        var ids = pages.SelectMany(p => p.Json.GetProperty("value").EnumerateArray()).Select(u => u.GetProperty("id").GetString()).ToList();
        Assert.True(pages.Count >= 3);
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Contains("paged-2", ids);
    }
}
