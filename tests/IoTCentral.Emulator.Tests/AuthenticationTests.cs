using System.Net;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

public sealed class AuthenticationTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static readonly string Roles = ApiClient.Api("/roles");

    [Fact]
    public async Task MissingAuthorization_Is401()
    {
        var response = await fixture.Admin.WithToken(null).GetAsync(Roles);

        var message = await ErrorAssert.IsErrorAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("Authorization", message);
    }

    [Fact]
    public async Task ForgedBearerToken_Is401_WithAClearMessage()
    {
        var response = await fixture.Admin.WithToken("Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.e30.sig").GetAsync(Roles);

        var message = await ErrorAssert.IsErrorAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("Bearer token is not valid", message);
        Assert.Contains("signature", message);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("SharedAccessSignature sr=x")]
    [InlineData("SharedAccessSignature sr=a&sig=b&skn=emulator-admin&se=253402300799000")]
    public async Task MalformedToken_Is401(string token)
    {
        await ErrorAssert.IsErrorAsync(await fixture.Admin.WithToken(token).GetAsync(Roles), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TamperedToken_Is401()
    {
        var token = await fixture.Emulator.CreateTokenAsync("tamper-me", RoleIds.Operator);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Admin.WithToken(token).GetAsync(Roles)).Status);

        var fields = Fields(token);
        var sig = fields["sig"];
        var flipped = (sig[0] == 'A' ? 'B' : 'A') + sig[1..];
        var tamperedSignature = token.Replace("sig=" + sig, "sig=" + flipped);
        var longerLife = token.Replace("se=" + fields["se"], "se=" + (long.Parse(fields["se"]) + 1000));
        var otherRole = token.Replace("skn=tamper-me", "skn=emulator-admin");
        var otherApp = token.Replace("sr=" + fields["sr"], "sr=" + Guid.NewGuid());

        foreach (var tampered in new[] { tamperedSignature, longerLife, otherRole, otherApp })
        {
            Assert.NotEqual(token, tampered);
            await ErrorAssert.IsErrorAsync(await fixture.Admin.WithToken(tampered).GetAsync(Roles), HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task ExpiredToken_Is401_ByTheConfiguredClock()
    {
        var clock = new FakeClock(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Clock = clock });
        var created = await emulator.Admin.PutAsync(ApiClient.Api("/apiTokens/short"), new
        {
            roles = new[] { new { role = RoleIds.Operator } },
            expiry = "2030-01-01T01:00:00Z",
        });
        var client = emulator.Admin.WithToken(created.Json.GetProperty("token").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Roles)).Status);

        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Roles)).Status);

        clock.Advance(TimeSpan.FromMinutes(2));
        var response = await client.GetAsync(Roles);
        var message = await ErrorAssert.IsErrorAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("expired", message);
        Assert.Equal("ExpiredToken", response.Header("x-ms-error-code"));
        Assert.Equal(HttpStatusCode.OK, (await emulator.Admin.GetAsync(Roles)).Status);
    }

    [Fact]
    public async Task RemovedToken_Is401_AndRecreatingTheIdDoesNotReviveTheOldValue()
    {
        var oldToken = await fixture.Emulator.CreateTokenAsync("revoke-me", RoleIds.Operator);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Admin.WithToken(oldToken).GetAsync(Roles)).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await fixture.Admin.DeleteAsync(ApiClient.Api("/apiTokens/revoke-me"))).Status);
        await ErrorAssert.IsErrorAsync(await fixture.Admin.WithToken(oldToken).GetAsync(Roles), HttpStatusCode.Unauthorized);

        var newToken = await fixture.Emulator.CreateTokenAsync("revoke-me", RoleIds.Operator);
        Assert.NotEqual(oldToken, newToken);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Admin.WithToken(newToken).GetAsync(Roles)).Status);
        await ErrorAssert.IsErrorAsync(await fixture.Admin.WithToken(oldToken).GetAsync(Roles), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RecreatedTokenWithTheSameExpiry_StillGetsANewValue()
    {
        var clock = new FakeClock(new DateTimeOffset(2031, 6, 1, 0, 0, 0, TimeSpan.Zero));
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Clock = clock });
        var oldToken = await emulator.CreateTokenAsync("same", RoleIds.Operator);
        await emulator.Admin.DeleteAsync(ApiClient.Api("/apiTokens/same"));

        var newToken = await emulator.CreateTokenAsync("same", RoleIds.Operator);

        Assert.Equal(Fields(oldToken)["se"], Fields(newToken)["se"]);
        Assert.NotEqual(oldToken, newToken);
        await ErrorAssert.IsErrorAsync(await emulator.Admin.WithToken(oldToken).GetAsync(Roles), HttpStatusCode.Unauthorized);
    }

    internal static Dictionary<string, string> Fields(string token)
    {
        Assert.StartsWith("SharedAccessSignature ", token);
        return token["SharedAccessSignature ".Length..].Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
    }
}
