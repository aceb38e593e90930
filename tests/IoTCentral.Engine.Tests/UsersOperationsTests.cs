using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine.Tests.Support;
using IoTCentral.Models;
using Xunit;

namespace IoTCentral.Engine.Tests;

/// <summary>Users_* with a fake transport: the polymorphic body per type, the merge-patch, and the paging.</summary>
public class UsersOperationsTests
{
    private const string Tenant = "027fdad7-cf0f-470a-a26a-272197813322";
    private const string Object = "65e13aac-1443-4c49-9d49-57b87197cfff";

    [Fact]
    public async Task An_email_user_is_created_with_type_email_and_no_entra_ids()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(
            HttpStatusCode.OK,
            """{"id":"u1","type":"email","email":"pat@contoso.com","roles":[{"role":"ae2c9854"}]}"""));
        using var client = TestClients.WithApiToken(handler);

        var user = await client.Users.CreateAsync(
            new User { Id = "u1", Type = UserType.Email, Email = "pat@contoso.com", Roles = new[] { new RoleAssignment("ae2c9854") } },
            CancellationToken.None);

        Assert.Equal(UserType.Email, user.Type);
        Assert.Equal("pat@contoso.com", user.Email);
        Assert.Null(user.ObjectId);
        Assert.Equal("pat@contoso.com", user.ToString());
        var request = handler.Requests.Single();
        Assert.Equal("PUT", request.Method);
        Assert.EndsWith("/api/users/u1", request.Uri.AbsolutePath);
        Assert.Equal("""{"type":"email","email":"pat@contoso.com","roles":[{"role":"ae2c9854"}]}""", request.Body);
    }

    [Theory]
    [InlineData(UserType.ServicePrincipal, "servicePrincipal")]
    [InlineData(UserType.AdGroup, "adGroup")]
    public async Task An_entra_user_is_created_with_tenant_and_object_ids_as_in_the_spec_example(UserType type, string wireType)
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(
            HttpStatusCode.OK,
            $$"""{"id":"123","type":"{{wireType}}","tenantId":"{{Tenant}}","objectId":"{{Object}}","roles":[{"role":"c7be2c6b-797e-4551-bb24-33709f6b2e20"},{"role":"c495eb57-eb18-489e-9802-62c474e5645c","organization":"seattle"}]}"""));
        using var client = TestClients.WithApiToken(handler);

        var user = await client.Users.CreateAsync(
            new User
            {
                Id = "123",
                Type = type,
                TenantId = Tenant,
                ObjectId = Object,
                Roles = new[] { new RoleAssignment("c7be2c6b-797e-4551-bb24-33709f6b2e20"), new RoleAssignment("c495eb57-eb18-489e-9802-62c474e5645c", "seattle") },
            },
            CancellationToken.None);

        Assert.Equal(type, user.Type);
        Assert.Equal(Object, user.ObjectId);
        Assert.Equal(Object, user.ToString());
        Assert.Null(user.Email);
        Assert.Equal("seattle", user.Roles[1].Organization);
        using var body = JsonDocument.Parse(handler.Requests.Single().Body!);
        var root = body.RootElement;
        Assert.Equal(new[] { "objectId", "roles", "tenantId", "type" }, root.EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(wireType, root.GetProperty("type").GetString());
        Assert.Equal(Tenant, root.GetProperty("tenantId").GetString());
        Assert.Equal("seattle", root.GetProperty("roles")[1].GetProperty("organization").GetString());
    }

    [Fact]
    public async Task A_user_without_roles_is_refused_before_any_request()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Status(HttpStatusCode.OK));
        using var client = TestClients.WithApiToken(handler);

        await Assert.ThrowsAsync<ArgumentException>(() => client.Users.CreateAsync(new User { Id = "u1", Email = "a@b.c" }, CancellationToken.None));

        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Update_is_a_merge_patch_and_role_assignments_serialize_as_the_spec_shape()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(
            HttpStatusCode.OK,
            """{"id":"u1","type":"email","email":"new@contoso.com","roles":[{"role":"r1","organization":"seattle"},{"role":"r2"}]}"""));
        using var client = TestClients.WithApiToken(handler);

        var user = await client.Users.UpdateAsync(
            "u1",
            new Dictionary<string, object?> { ["email"] = "new@contoso.com", ["roles"] = new[] { new RoleAssignment("r1", "seattle"), new RoleAssignment("r2") } },
            CancellationToken.None);

        Assert.Equal("new@contoso.com", user.Email);
        var request = handler.Requests.Single();
        Assert.Equal("PATCH", request.Method);
        Assert.Equal("application/merge-patch+json", request.ContentType);
        Assert.EndsWith("/api/users/u1", request.Uri.AbsolutePath);
        Assert.Equal("""{"email":"new@contoso.com","roles":[{"role":"r1","organization":"seattle"},{"role":"r2"}]}""", request.Body);
    }

    [Fact]
    public async Task An_empty_patch_is_refused_before_any_request()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Status(HttpStatusCode.OK));
        using var client = TestClients.WithApiToken(handler);

        await Assert.ThrowsAsync<ArgumentException>(() => client.Users.UpdateAsync("u1", new Dictionary<string, object?>(), CancellationToken.None));

        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_list_page_maps_every_type_and_keeps_the_next_link()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(
            HttpStatusCode.OK,
            $$"""
            {"value":[
              {"id":"a","type":"email","email":"a@contoso.com","roles":[{"role":"r"}]},
              {"id":"b","type":"servicePrincipal","tenantId":"{{Tenant}}","objectId":"{{Object}}","roles":[{"role":"r"}]},
              {"id":"c","type":"adGroup","tenantId":"{{Tenant}}","objectId":"{{Object}}","roles":[{"role":"r"}]}],
             "nextLink":"https://app.azureiotcentral.com/api/users?api-version=2022-07-31&continuationToken=2"}
            """));
        using var client = TestClients.WithApiToken(handler);

        var page = await client.Users.ListAsync(null, CancellationToken.None);

        Assert.Equal(new[] { UserType.Email, UserType.ServicePrincipal, UserType.AdGroup }, page.Items.Select(u => u.Type));
        Assert.EndsWith("continuationToken=2", page.NextLink);
        Assert.EndsWith("/api/users", handler.Requests.Single().Uri.AbsolutePath);
    }

    [Fact]
    public async Task An_unknown_user_type_is_an_invalid_response_not_a_wrong_object()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(HttpStatusCode.OK, """{"id":"x","type":"robot","roles":[{"role":"r"}]}"""));
        using var client = TestClients.WithApiToken(handler);

        var error = await Assert.ThrowsAsync<IoTCentralException>(() => client.Users.GetAsync("x", CancellationToken.None));

        Assert.Equal("InvalidResponse", error.ErrorCode);
    }

    [Fact]
    public async Task Get_and_remove_escape_the_id_as_one_segment()
    {
        var handler = FakeHandler.Sequence(
            () => FakeHandler.Json(HttpStatusCode.OK, """{"id":"a b","type":"email","email":"a@b.c","roles":[{"role":"r"}]}"""),
            () => FakeHandler.Status(HttpStatusCode.NoContent));
        using var client = TestClients.WithApiToken(handler);

        await client.Users.GetAsync("a b", CancellationToken.None);
        await client.Users.RemoveAsync("a b", CancellationToken.None);

        Assert.Equal(new[] { "GET", "DELETE" }, handler.Requests.Select(r => r.Method));
        Assert.All(handler.Requests, r => Assert.EndsWith("/api/users/a%20b", r.Uri.AbsolutePath));
    }
}
