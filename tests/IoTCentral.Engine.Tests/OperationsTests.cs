using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine.Tests.Support;
using IoTCentral.Models;
using Xunit;

namespace IoTCentral.Engine.Tests;

public class OperationsTests
{
    [Fact]
    public async Task Creating_an_api_token_returns_its_value_as_a_read_only_SecureString()
    {
        const string value = "SharedAccessSignature sr=app&sig=abc&skn=t1&se=4102444800000";
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(
            HttpStatusCode.OK,
            $$"""{"id":"t1","roles":[{"role":"ca310b8d"},{"role":"c495eb57","organization":"seattle"}],"expiry":"2030-10-18T18:30:40.227Z","token":"{{value}}"}"""));
        using var client = TestClients.WithApiToken(handler);

        var token = await client.ApiTokens.CreateAsync(
            "t1",
            new[] { new RoleAssignment("ca310b8d"), new RoleAssignment("c495eb57", "seattle") },
            new DateTimeOffset(2030, 10, 18, 18, 30, 40, 227, TimeSpan.Zero),
            CancellationToken.None);

        Assert.NotNull(token.Token);
        Assert.True(token.Token!.IsReadOnly());
        Assert.Equal(value, TestClients.Plain(token.Token));
        Assert.Equal("seattle", token.Roles[1].Organization);
        Assert.Equal(new DateTimeOffset(2030, 10, 18, 18, 30, 40, 227, TimeSpan.Zero), token.Expiry);

        var request = handler.Requests.Single();
        Assert.Equal("PUT", request.Method);
        Assert.EndsWith("/api/apiTokens/t1", request.Uri.AbsolutePath);
        using var body = JsonDocument.Parse(request.Body!);
        Assert.Equal("2030-10-18T18:30:40.227Z", body.RootElement.GetProperty("expiry").GetString());
        Assert.Equal("seattle", body.RootElement.GetProperty("roles")[1].GetProperty("organization").GetString());
        Assert.False(body.RootElement.GetProperty("roles")[0].TryGetProperty("organization", out _));
    }

    [Fact]
    public async Task Listed_api_tokens_have_no_value()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(HttpStatusCode.OK, """{"value":[{"id":"t1","roles":[{"role":"r"}],"expiry":"2030-01-01T00:00:00Z"}]}"""));
        using var client = TestClients.WithApiToken(handler);

        var page = await client.ApiTokens.ListAsync(null, CancellationToken.None);

        Assert.Null(page.Items.Single().Token);
        Assert.Null(page.NextLink);
    }

    [Fact]
    public async Task Device_create_sends_only_the_set_properties_to_an_escaped_path()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(
            HttpStatusCode.OK,
            """{"id":"dev 1","displayName":"Dev","template":"dtmi:contoso:x;1","enabled":true,"provisioned":false,"simulated":true,"etag":"\"e1\""}"""));
        using var client = TestClients.WithApiToken(handler);

        var device = await client.Devices.CreateAsync(new Device { Id = "dev 1", Template = "dtmi:contoso:x;1", Simulated = true }, CancellationToken.None);

        Assert.Equal(DeviceStatus.Registered, device.Status);
        Assert.Equal("\"e1\"", device.ETag);
        var request = handler.Requests.Single();
        Assert.EndsWith("/api/devices/dev%201", request.Uri.AbsolutePath);
        using var body = JsonDocument.Parse(request.Body!);
        var names = body.RootElement.EnumerateObject().Select(p => p.Name).OrderBy(n => n).ToArray();
        Assert.Equal(new[] { "enabled", "simulated", "template" }, names);
    }

    [Fact]
    public async Task Device_update_is_a_merge_patch_of_the_changes()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(HttpStatusCode.OK, """{"id":"d1","displayName":"New","enabled":false}"""));
        using var client = TestClients.WithApiToken(handler);

        var device = await client.Devices.UpdateAsync("d1", new Dictionary<string, object?> { ["displayName"] = "New", ["enabled"] = false, ["organizations"] = new[] { "seattle" } }, CancellationToken.None);

        Assert.Equal(DeviceStatus.Blocked, device.Status);
        var request = handler.Requests.Single();
        Assert.Equal("PATCH", request.Method);
        Assert.Equal("application/merge-patch+json", request.ContentType);
        Assert.Equal("""{"displayName":"New","enabled":false,"organizations":["seattle"]}""", request.Body);
    }

    [Fact]
    public async Task Device_credentials_keep_keys_in_SecureStrings()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(
            HttpStatusCode.OK,
            """{"idScope":"0ne0001","symmetricKey":{"primaryKey":"pk==","secondaryKey":"sk=="}}"""));
        using var client = TestClients.WithApiToken(handler);

        var credential = await client.Devices.GetCredentialsAsync("d1", CancellationToken.None);

        Assert.Equal("d1", credential.DeviceId);
        Assert.Equal("0ne0001", credential.IdScope);
        Assert.True(credential.PrimaryKey!.IsReadOnly());
        Assert.Equal("pk==", TestClients.Plain(credential.PrimaryKey));
        Assert.Equal("sk==", TestClients.Plain(credential.SecondaryKey!));
        Assert.EndsWith("/api/devices/d1/credentials", handler.Requests.Single().Uri.AbsolutePath);
    }

    [Fact]
    public async Task Role_get_escapes_the_id_and_maps_the_role()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(HttpStatusCode.OK, """{"id":"a/b","displayName":"Operator"}"""));
        using var client = TestClients.WithApiToken(handler);

        var role = await client.Roles.GetAsync("a/b", CancellationToken.None);

        Assert.Equal("Operator", role.DisplayName);
        Assert.EndsWith("/api/roles/a%2Fb", handler.Requests.Single().Uri.AbsolutePath);
    }

    [Fact]
    public async Task Remove_sends_delete_and_accepts_204()
    {
        var handler = FakeHandler.Sequence(() => new System.Net.Http.HttpResponseMessage(HttpStatusCode.NoContent));
        using var client = TestClients.WithApiToken(handler);

        await client.Devices.RemoveAsync("d1", CancellationToken.None);

        Assert.Equal("DELETE", handler.Requests.Single().Method);
    }

    [Fact]
    public async Task Raw_response_body_is_a_plain_CLR_tree()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(
            HttpStatusCode.OK,
            """{"b":1,"a":[1.5,"x",true,null,{"n":12345678901234567890}],"big":9007199254740993,"neg":-2}""",
            ("x-ms-request-id", "rid-1")));
        using var client = TestClients.WithApiToken(handler);

        var response = await client.SendAsync("GET", "query", null, null, null, CancellationToken.None);

        Assert.Equal(200, response.Status);
        Assert.Equal("rid-1", response.RequestId);
        var root = Assert.IsType<OrderedDictionary>(response.Body);
        Assert.Equal(new object[] { "b", "a", "big", "neg" }, root.Keys.Cast<object>().ToArray());
        Assert.Equal(1L, root["b"]);
        Assert.Equal(9007199254740993L, root["big"]);
        Assert.Equal(-2L, root["neg"]);
        var array = Assert.IsType<object?[]>(root["a"]);
        Assert.Equal(1.5d, array[0]);
        Assert.Equal("x", array[1]);
        Assert.Equal(true, array[2]);
        Assert.Null(array[3]);
        Assert.Equal(12345678901234567890m, Assert.IsType<OrderedDictionary>(array[4])["n"]);
    }

    [Fact]
    public async Task Raw_request_body_tree_is_serialized_as_json()
    {
        var handler = FakeHandler.Sequence(() => new System.Net.Http.HttpResponseMessage(HttpStatusCode.NoContent));
        using var client = TestClients.WithApiToken(handler);
        var body = new System.Collections.Hashtable
        {
            ["when"] = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero),
            ["id"] = Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff"),
            ["kind"] = DayOfWeek.Monday,
            ["items"] = new object[] { 1, 2.5, "three" },
        };

        var response = await client.SendAsync("put", "things/t1", body, null, null, CancellationToken.None);

        Assert.Equal(204, response.Status);
        Assert.Null(response.Body);
        using var sent = JsonDocument.Parse(handler.Requests.Single().Body!);
        Assert.Equal("2024-01-02T03:04:05Z", sent.RootElement.GetProperty("when").GetString());
        Assert.Equal("6f9619ff-8b86-d011-b42d-00cf4fc964ff", sent.RootElement.GetProperty("id").GetString());
        Assert.Equal("Monday", sent.RootElement.GetProperty("kind").GetString());
        Assert.Equal(2.5, sent.RootElement.GetProperty("items")[1].GetDouble());
        Assert.Equal("PUT", handler.Requests.Single().Method);
    }

    [Fact]
    public async Task Requests_carry_a_client_request_id_and_the_module_user_agent()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(HttpStatusCode.OK, """{"value":[]}"""));
        using var client = TestClients.WithApiToken(handler);

        await client.Roles.ListAsync(null, CancellationToken.None);

        var request = handler.Requests.Single();
        Assert.True(Guid.TryParse(request.Headers["x-ms-client-request-id"], out _));
        Assert.StartsWith("IoTCentral-PowerShell/", request.Headers["User-Agent"]);
    }
}
