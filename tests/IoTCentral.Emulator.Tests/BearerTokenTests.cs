using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Core;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

/// <summary>How the application checks Microsoft Entra bearer tokens: signature, issuer, audience, expiry, user mapping.</summary>
public sealed class BearerTokenTests : IAsyncLifetime
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly FakeClock _clock = new(DateTimeOffset.UtcNow);
    private TestEmulator _emulator = null!;

    private EmulatorServer Server => _emulator.Server;

    public async Task InitializeAsync() =>
        _emulator = await TestEmulator.StartAsync(new EmulatorOptions { Https = true, Clock = _clock, AccessTokenLifetime = Lifetime });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task ExpiredToken_Is401_ByTheEmulatorsClock()
    {
        var token = await UserTokenAsync("expiring", RoleIds.Operator);
        var client = _emulator.Admin.WithBearer(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ApiClient.Api("/roles"))).Status);

        _clock.Advance(Lifetime + TimeSpan.FromMinutes(6));

        var response = await client.GetAsync(ApiClient.Api("/roles"));
        var message = await ErrorAssert.IsErrorAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("expired", message);
        Assert.Equal("ExpiredToken", response.Header("x-ms-error-code"));
    }

    [Fact]
    public async Task Claims_AreThoseOfAMicrosoftEntraV1AccessToken()
    {
        var ids = EntraIds.New();
        var token = await ServicePrincipals.Register(Server, ids).GetIoTCentralTokenAsync();

        var claims = TokenClaims.Read(token);
        var header = TokenClaims.Header(token);
        Assert.Equal("RS256", header.GetProperty("alg").GetString());
        Assert.Equal($"https://sts.windows.net/{ids.TenantId}/", claims.GetProperty("iss").GetString());
        Assert.Equal("https://apps.azureiotcentral.com", claims.GetProperty("aud").GetString());
        Assert.Equal(ids.TenantId, claims.GetProperty("tid").GetString());
        Assert.Equal(ids.ObjectId, claims.GetProperty("oid").GetString());
        Assert.Equal(ids.ClientId, claims.GetProperty("appid").GetString());
        Assert.Equal("app", claims.GetProperty("idtyp").GetString());
        Assert.Equal("1", claims.GetProperty("appidacr").GetString());
        Assert.Equal(_clock.GetUtcNow().ToUnixTimeSeconds(), claims.GetProperty("iat").GetInt64());
        Assert.Equal((long)Lifetime.TotalSeconds, claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64());

        using var http = new HttpClient(EmulatorTls.TrustingHandler(Server));
        var keys = JsonNode.Parse(await http.GetStringAsync(new Uri(Server.AuthorityHost, $"{ids.TenantId}/discovery/v2.0/keys")))!;
        Assert.Equal(header.GetProperty("kid").GetString(), keys["keys"]![0]!["kid"]!.GetValue<string>());
    }

    [Fact]
    public async Task TokenForAnotherResource_Is401_NamingTheAudience()
    {
        var ids = EntraIds.New();
        var credential = ServicePrincipals.Register(Server, ids);
        await ServicePrincipals.AddAsUserAsync(_emulator.Admin, "other-audience", ids, RoleIds.Administrator);
        var token = (await credential.GetTokenAsync(new TokenRequestContext(["https://management.azure.com/.default"]), default)).Token;

        var message = await ErrorAssert.IsErrorAsync(await _emulator.Admin.WithBearer(token).GetAsync(ApiClient.Api("/roles")), HttpStatusCode.Unauthorized);

        Assert.Contains("audience", message);
        Assert.Contains("https://management.azure.com", message);
    }

    [Fact]
    public async Task TamperedTokens_Are401()
    {
        var token = await UserTokenAsync("tampered", RoleIds.Administrator);
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!;
        payload["oid"] = Guid.NewGuid().ToString();
        var changedPayload = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{parts[2]}";
        var signature = Base64Url.DecodeFromChars(parts[2]);
        signature[^1] ^= 0xFF;
        var changedSignature = $"{parts[0]}.{parts[1]}.{Base64Url.EncodeToString(signature)}";
        var unsigned = $"{Base64Url.EncodeToString("""{"alg":"none","typ":"JWT"}"""u8)}.{parts[1]}.";

        foreach (var bad in new[] { changedPayload, changedSignature, unsigned, "not-a-jwt" })
        {
            var message = await ErrorAssert.IsErrorAsync(await _emulator.Admin.WithBearer(bad).GetAsync(ApiClient.Api("/roles")), HttpStatusCode.Unauthorized);
            Assert.Contains("Bearer token is not valid", message);
        }
    }

    [Fact]
    public async Task TokenOfAnotherEmulator_Is401()
    {
        await using var other = await TestEmulator.StartAsync(new EmulatorOptions { Https = true });
        var ids = EntraIds.New();
        var token = await ServicePrincipals.Register(other.Server, ids).GetIoTCentralTokenAsync();
        await ServicePrincipals.AddAsUserAsync(_emulator.Admin, "from-elsewhere", ids, RoleIds.Administrator);

        var message = await ErrorAssert.IsErrorAsync(await _emulator.Admin.WithBearer(token).GetAsync(ApiClient.Api("/roles")), HttpStatusCode.Unauthorized);

        Assert.Contains("signature", message);
    }

    [Fact]
    public async Task IdentityThatIsNotAUser_Is403OnKnownPaths_And404OnUnknownOnes()
    {
        var token = await ServicePrincipals.Register(Server, EntraIds.New()).GetIoTCentralTokenAsync();
        var client = _emulator.Admin.WithBearer(token);

        await ErrorAssert.IsErrorAsync(await client.GetAsync(ApiClient.Api("/devices")), HttpStatusCode.Forbidden);
        await ErrorAssert.IsErrorAsync(await client.GetAsync(ApiClient.Api("/no-such-thing")), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RemovingTheUser_RevokesAccess_AndChangingItsRoles_TakesEffectAtOnce()
    {
        var ids = EntraIds.New();
        var token = await ServicePrincipals.Register(Server, ids).GetIoTCentralTokenAsync();
        await ServicePrincipals.AddAsUserAsync(_emulator.Admin, "changing", ids, RoleIds.OrgViewer);
        var client = _emulator.Admin.WithBearer(token);
        await ErrorAssert.IsErrorAsync(await client.PutAsync(ApiClient.Api("/devices/d"), new { }), HttpStatusCode.Forbidden);

        Assert.Equal(HttpStatusCode.OK, (await _emulator.Admin.PatchAsync(ApiClient.Api("/users/changing"), new { roles = new[] { new { role = RoleIds.Operator } } })).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync(ApiClient.Api("/devices/d"), new { })).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await _emulator.Admin.DeleteAsync(ApiClient.Api("/users/changing"))).Status);
        await ErrorAssert.IsErrorAsync(await client.GetAsync(ApiClient.Api("/devices")), HttpStatusCode.Forbidden);
    }

    /// <summary>A service principal's token whose identity is a user of the application with <paramref name="role"/>.</summary>
    private async Task<string> UserTokenAsync(string userId, string role)
    {
        var ids = EntraIds.New();
        var credential = ServicePrincipals.Register(Server, ids);
        await ServicePrincipals.AddAsUserAsync(_emulator.Admin, userId, ids, role);
        return await credential.GetIoTCentralTokenAsync();
    }
}
