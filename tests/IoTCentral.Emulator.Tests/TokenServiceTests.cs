using System.Net;
using System.Text.Json;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

/// <summary>The token service's endpoints over raw HTTPS, as MSAL sees them.</summary>
public sealed class TokenServiceTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly HttpClient _http = new(EmulatorTls.TrustingHandler(fixture.Server)) { BaseAddress = fixture.Server.AuthorityHost };

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task AuthorityHost_IsHttpsOnLoopback_WithTheEmulatorsCertificate()
    {
        var host = fixture.Server.AuthorityHost;

        Assert.Equal("https", host.Scheme);
        Assert.Equal("127.0.0.1", host.Host);
        Assert.Equal("/", host.AbsolutePath);
        using var untrusting = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => untrusting.GetAsync(new Uri(host, "common/discovery/v2.0/keys")));
    }

    [Fact]
    public async Task OpenIdConfiguration_NamesTheEndpoints()
    {
        var tenant = Guid.NewGuid().ToString();

        var metadata = await GetJsonAsync($"{tenant}/v2.0/.well-known/openid-configuration");

        var authority = new Uri(fixture.Server.AuthorityHost, tenant + "/").ToString();
        Assert.Equal(authority + "oauth2/v2.0/token", metadata.GetProperty("token_endpoint").GetString());
        Assert.Equal(authority + "oauth2/v2.0/devicecode", metadata.GetProperty("device_authorization_endpoint").GetString());
        Assert.Equal(authority + "discovery/v2.0/keys", metadata.GetProperty("jwks_uri").GetString());
        Assert.Equal(authority + "v2.0", metadata.GetProperty("issuer").GetString());
        var keys = await GetJsonAsync(metadata.GetProperty("jwks_uri").GetString()!);
        var key = keys.GetProperty("keys")[0];
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.Equal("RS256", key.GetProperty("alg").GetString());
        Assert.False(string.IsNullOrEmpty(key.GetProperty("kid").GetString()));
    }

    [Fact]
    public async Task InstanceDiscovery_AnswersWithTheEmulatorAsItsOwnCloud()
    {
        var discovery = await GetJsonAsync("common/discovery/instance?api-version=1.1&authorization_endpoint=x");

        Assert.Equal(fixture.Server.AuthorityHost.Authority, discovery.GetProperty("metadata")[0].GetProperty("preferred_network").GetString());
    }

    [Fact]
    public async Task DeviceCode_IsPendingUntilCompleted_ThenRedeemableOnce()
    {
        var upn = $"dc-{Guid.NewGuid():N}@contoso.com";
        fixture.Server.Identity.RegisterUser(Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), upn);
        var (status, code) = await PostAsync("organizations/oauth2/v2.0/devicecode",
            ("client_id", "04b07795-8ddb-461a-bbee-02f9e1bf7b46"), ("scope", "https://apps.azureiotcentral.com/.default openid profile offline_access"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(code.GetProperty("interval").GetInt32() >= 1);
        Assert.True(code.GetProperty("expires_in").GetInt32() > 60);
        var poll = new[] { ("grant_type", "urn:ietf:params:oauth:grant-type:device_code"), ("client_id", "04b07795-8ddb-461a-bbee-02f9e1bf7b46"), ("device_code", code.GetProperty("device_code").GetString()!) };

        var pending = await PostAsync("organizations/oauth2/v2.0/token", poll);
        Assert.Equal(HttpStatusCode.BadRequest, pending.Status);
        Assert.Equal("authorization_pending", pending.Body.GetProperty("error").GetString());

        Assert.Throws<ArgumentException>(() => fixture.Server.Identity.CompleteDeviceCode("NOSUCHCOD", upn));
        Assert.Throws<ArgumentException>(() => fixture.Server.Identity.CompleteDeviceCode(code.GetProperty("user_code").GetString()!, "nobody@contoso.com"));
        fixture.Server.Identity.CompleteDeviceCode(code.GetProperty("user_code").GetString()!, upn);

        var (tokenStatus, token) = await PostAsync("organizations/oauth2/v2.0/token", poll);
        Assert.Equal(HttpStatusCode.OK, tokenStatus);
        Assert.Equal("Bearer", token.GetProperty("token_type").GetString());
        Assert.Equal(upn, TokenClaims.Read(token.GetProperty("access_token").GetString()!).GetProperty("upn").GetString());
        Assert.Equal(upn, TokenClaims.Read(token.GetProperty("id_token").GetString()!).GetProperty("preferred_username").GetString());
        Assert.True(token.TryGetProperty("client_info", out _));

        var again = await PostAsync("organizations/oauth2/v2.0/token", poll);
        Assert.Equal("invalid_grant", again.Body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task DeviceLoginPage_CompletesASignIn()
    {
        var upn = $"page-{Guid.NewGuid():N}@contoso.com";
        fixture.Server.Identity.RegisterUser(Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), upn);
        var (_, code) = await PostAsync("organizations/oauth2/v2.0/devicecode", ("client_id", "c"), ("scope", "https://apps.azureiotcentral.com/.default"));
        var page = code.GetProperty("verification_uri").GetString()!;
        Assert.Contains("<form", await _http.GetStringAsync(page));

        using var submitted = await _http.PostAsync(page, new FormUrlEncodedContent([new("code", code.GetProperty("user_code").GetString()!), new("upn", upn)]));

        Assert.Contains("is signed in", await submitted.Content.ReadAsStringAsync());
        var (status, _) = await PostAsync("organizations/oauth2/v2.0/token",
            ("grant_type", "device_code"), ("client_id", "c"), ("device_code", code.GetProperty("device_code").GetString()!));
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Theory]
    [InlineData("password", "unsupported_grant_type")]
    [InlineData("refresh_token", "unsupported_grant_type")]
    [InlineData("", "invalid_request")]
    public async Task UnsupportedGrants_AreOAuthErrors(string grantType, string error)
    {
        var (status, body) = await PostAsync($"{Guid.NewGuid()}/oauth2/v2.0/token", ("grant_type", grantType), ("client_id", "c"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.StartsWith("AADSTS", body.GetProperty("error_description").GetString());
        Assert.Equal(JsonValueKind.Array, body.GetProperty("error_codes").ValueKind);
    }

    [Fact]
    public async Task ClientCredentials_WithoutADefaultScope_IsInvalidScope()
    {
        var ids = EntraIds.New();
        fixture.Server.Identity.RegisterServicePrincipal(ids.TenantId, ids.ClientId, ids.ObjectId, clientSecret: "s");

        var (status, body) = await PostAsync($"{ids.TenantId}/oauth2/v2.0/token",
            ("grant_type", "client_credentials"), ("client_id", ids.ClientId), ("client_secret", "s"), ("scope", "https://apps.azureiotcentral.com/user_impersonation"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_scope", body.GetProperty("error").GetString());
    }

    private async Task<JsonElement> GetJsonAsync(string url) => JsonDocument.Parse(await _http.GetStringAsync(url)).RootElement.Clone();

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string url, params (string Name, string Value)[] form)
    {
        using var response = await _http.PostAsync(url, new FormUrlEncodedContent(form.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
