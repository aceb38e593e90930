using System.Net;
using System.Text.Json;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

public sealed class ApiTokenTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static readonly DateTimeOffset Now = new(2030, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static object OperatorRoles => new[] { new { role = RoleIds.Operator } };

    [Fact]
    public async Task Create_ReturnsTheValueOnce_InTheDocumentedFormat()
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Clock = new FakeClock(Now) });

        var created = await emulator.Admin.PutAsync(ApiClient.Api("/apiTokens/my-token_1"), new { roles = OperatorRoles });

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal("my-token_1", created.Json.GetProperty("id").GetString());
        var expiry = DateTimeOffset.Parse(created.Json.GetProperty("expiry").GetString()!);
        Assert.Equal(Now.AddDays(365), expiry);
        var token = created.Json.GetProperty("token").GetString()!;
        var fields = AuthenticationTests.Fields(token);
        Assert.Equal(["sr", "sig", "skn", "se"], fields.Keys);
        Assert.Equal(AuthenticationTests.Fields(emulator.Server.AdminApiToken)["sr"], fields["sr"]);
        Assert.True(Guid.TryParse(fields["sr"], out _));
        Assert.Equal("my-token_1", fields["skn"]);
        Assert.Equal(expiry.ToUnixTimeMilliseconds().ToString(), fields["se"]);
        Assert.Equal(32, Convert.FromBase64String(Uri.UnescapeDataString(fields["sig"])).Length);

        var get = await emulator.Admin.GetAsync(ApiClient.Api("/apiTokens/my-token_1"));
        Assert.False(get.Json.TryGetProperty("token", out _));
        Assert.Equal(OperatorRoleJson, get.Json.GetProperty("roles").GetRawText());
        var list = await emulator.Admin.GetAsync(ApiClient.Api("/apiTokens"));
        Assert.All(list.Json.GetProperty("value").EnumerateArray(), t => Assert.False(t.TryGetProperty("token", out _)));
        Assert.DoesNotContain(fields["sig"], list.Body + get.Body);
    }

    private static string OperatorRoleJson => JsonSerializer.Serialize(new[] { new { role = RoleIds.Operator } });

    [Fact]
    public async Task Create_HonoursExpiryAndOrganization()
    {
        await Organizations.EnsureAsync(fixture.Admin, "seattle");
        var created = await fixture.Admin.PutAsync(ApiClient.Api("/apiTokens/with-expiry"), new
        {
            roles = new[] { new { role = RoleIds.OrgAdmin, organization = "seattle" } },
            expiry = "2099-10-18T18:30:40.227Z",
        });

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal("2099-10-18T18:30:40.227Z", created.Json.GetProperty("expiry").GetString());
        Assert.Equal("seattle", created.Json.GetProperty("roles")[0].GetProperty("organization").GetString());
        Assert.EndsWith("&se=" + DateTimeOffset.Parse("2099-10-18T18:30:40.227Z").ToUnixTimeMilliseconds(), created.Json.GetProperty("token").GetString());
    }

    [Fact]
    public async Task DuplicateId_Is409()
    {
        await fixture.Emulator.CreateTokenAsync("dup", RoleIds.Operator);

        var message = await ErrorAssert.IsErrorAsync(
            await fixture.Admin.PutAsync(ApiClient.Api("/apiTokens/dup"), new { roles = OperatorRoles }), HttpStatusCode.Conflict);

        Assert.Contains("dup", message);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("dot.ted")]
    [InlineData("a234567890123456789012345678901234567890x")]
    [InlineData("sémantique")]
    public async Task InvalidId_Is400(string id)
    {
        var response = await fixture.Admin.PutAsync(ApiClient.Api($"/apiTokens/{Uri.EscapeDataString(id)}"), new { roles = OperatorRoles });

        var message = await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("40", message);
    }

    [Fact]
    public async Task FortyCharacterId_IsAccepted()
    {
        var id = new string('x', 39) + "9";
        Assert.Equal(HttpStatusCode.OK, (await fixture.Admin.PutAsync(ApiClient.Api($"/apiTokens/{id}"), new { roles = OperatorRoles })).Status);
    }

    [Theory]
    [InlineData("""{}""", "roles")]
    [InlineData("""{"roles":[]}""", "roles")]
    [InlineData("""{"roles":"admin"}""", "roles")]
    [InlineData("""{"roles":[{"organization":"seattle"}]}""", "role")]
    [InlineData("""{"roles":[{"role":"11111111-2222-3333-4444-555555555555"}]}""", "11111111-2222-3333-4444-555555555555")]
    [InlineData("""{"roles":[{"role":"ae2c9854-393b-4f97-8c42-479d70ce626e"}],"expiry":"tomorrow"}""", "expiry")]
    [InlineData("""{"roles":[{"role":"ae2c9854-393b-4f97-8c42-479d70ce626e"}],"expiry":"2001-01-01T00:00:00Z"}""", "future")]
    [InlineData("""[1,2]""", "object")]
    [InlineData("""{"roles":""", "JSON")]
    public async Task BadBody_Is400_NamingTheProblem(string body, string expectedInMessage)
    {
        var response = await fixture.Admin.PutAsync(ApiClient.Api("/apiTokens/bad-body"), body);

        var message = await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(expectedInMessage, message);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Admin.GetAsync(ApiClient.Api("/apiTokens/bad-body"))).Status);
    }

    [Fact]
    public async Task UnknownToken_Is404_ForGetAndDelete()
    {
        await ErrorAssert.IsErrorAsync(await fixture.Admin.GetAsync(ApiClient.Api("/apiTokens/nope")), HttpStatusCode.NotFound);
        await ErrorAssert.IsErrorAsync(await fixture.Admin.DeleteAsync(ApiClient.Api("/apiTokens/nope")), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_RemovesTheTokenFromGetAndList()
    {
        await fixture.Emulator.CreateTokenAsync("to-delete", RoleIds.Builder);

        Assert.Equal(HttpStatusCode.NoContent, (await fixture.Admin.DeleteAsync(ApiClient.Api("/apiTokens/to-delete"))).Status);

        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Admin.GetAsync(ApiClient.Api("/apiTokens/to-delete"))).Status);
        var list = await fixture.Admin.GetAsync(ApiClient.Api("/apiTokens"));
        Assert.DoesNotContain(list.Json.GetProperty("value").EnumerateArray(), t => t.GetProperty("id").GetString() == "to-delete");
    }
}
