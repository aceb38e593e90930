using System.Net;
using System.Text.Json;
using Azure.Identity;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

/// <summary>
/// ManagedIdentityCredential (App Service / Azure Automation shape, via IDENTITY_ENDPOINT and IDENTITY_HEADER) against
/// the emulator's managed-identity endpoint. The environment is process-wide, so these run alone; and MSAL caches
/// managed-identity tokens process-wide, so every test uses its own identity on the one fixture emulator.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class ManagedIdentityTests(HttpsEmulatorFixture fixture) : IClassFixture<HttpsEmulatorFixture>
{
    private static readonly string[] OtherManagedIdentitySources =
        ["IDENTITY_SERVER_THUMBPRINT", "IMDS_ENDPOINT", "MSI_ENDPOINT", "MSI_SECRET", "AZURE_POD_IDENTITY_AUTHORITY_HOST"];

    private EmulatorServer Server => fixture.Server;

    [Fact]
    public async Task SystemAssigned_GetsAToken_ThatIs403UntilItIsAUser()
    {
        var ids = EntraIds.New() with { TenantId = EmulatorIdentities.DefaultTenantId };
        Server.Identity.RegisterManagedIdentity(ids.ClientId, ids.ObjectId, systemAssigned: true);

        var token = await GetTokenAsync(ManagedIdentityId.SystemAssigned);
        var client = fixture.Admin.WithBearer(token);

        await ErrorAssert.IsErrorAsync(await client.GetAsync(ApiClient.Api("/roles")), HttpStatusCode.Forbidden);
        await ServicePrincipals.AddAsUserAsync(fixture.Admin, "mi-system", ids, RoleIds.Operator);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ApiClient.Api("/roles"))).Status);
        var claims = TokenClaims.Read(token);
        Assert.Equal(ids.ObjectId, claims.GetProperty("oid").GetString());
        Assert.Equal(ids.ClientId, claims.GetProperty("appid").GetString());
        Assert.Equal("https://apps.azureiotcentral.com", claims.GetProperty("aud").GetString());
    }

    [Fact]
    public async Task UserAssigned_ByClientId_GetsItsOwnToken()
    {
        var tenantId = Guid.NewGuid().ToString();
        var ids = EntraIds.New() with { TenantId = tenantId };
        Server.Identity.RegisterManagedIdentity(ids.ClientId, ids.ObjectId, tenantId: tenantId);
        await ServicePrincipals.AddAsUserAsync(fixture.Admin, "mi-user-assigned", ids, RoleIds.Administrator);

        var token = await GetTokenAsync(ManagedIdentityId.FromUserAssignedClientId(ids.ClientId));

        Assert.Equal(ids.ObjectId, TokenClaims.Read(token).GetProperty("oid").GetString());
        Assert.Equal($"https://sts.windows.net/{tenantId}/", TokenClaims.Read(token).GetProperty("iss").GetString());
        Assert.Equal(HttpStatusCode.OK, (await fixture.Admin.WithBearer(token).GetAsync(ApiClient.Api("/users"))).Status);
    }

    [Fact]
    public async Task UserAssigned_ByResourceId_GetsItsOwnToken()
    {
        var ids = EntraIds.New();
        var resourceId = $"/subscriptions/{Guid.NewGuid()}/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/runbook";
        Server.Identity.RegisterManagedIdentity(ids.ClientId, ids.ObjectId, resourceId: resourceId);

        var token = await GetTokenAsync(ManagedIdentityId.FromUserAssignedResourceId(new Azure.Core.ResourceIdentifier(resourceId)));

        Assert.Equal(ids.ObjectId, TokenClaims.Read(token).GetProperty("oid").GetString());
        Assert.Equal(resourceId, TokenClaims.Read(token).GetProperty("xms_mirid").GetString());
    }

    [Fact]
    public async Task UnknownUserAssignedIdentity_Fails()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => GetTokenAsync(ManagedIdentityId.FromUserAssignedClientId(Guid.NewGuid().ToString())));

        Assert.Contains("No managed identity matches", error.ToString());
    }

    [Fact]
    public async Task Endpoint_ChecksTheSecretHeader_TheApiVersion_AndTheResource()
    {
        var ids = EntraIds.New();
        Server.Identity.RegisterManagedIdentity(ids.ClientId, ids.ObjectId);
        using var http = new HttpClient();
        async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string query, string? secret)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Server.ManagedIdentityEndpoint + query));
            if (secret is not null)
            {
                request.Headers.Add("X-IDENTITY-HEADER", secret);
            }

            using var response = await http.SendAsync(request);
            return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
        }

        var good = $"?api-version=2019-08-01&resource=https://apps.azureiotcentral.com&client_id={ids.ClientId}";
        Assert.Equal("http", Server.ManagedIdentityEndpoint.Scheme);
        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync(good, null)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(good, "wrong")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync(good.Replace("2019-08-01", "2017-09-01"), Server.ManagedIdentityHeader)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync($"?api-version=2019-08-01&client_id={ids.ClientId}", Server.ManagedIdentityHeader)).Status);

        var (status, body) = await GetAsync(good.Replace($"client_id={ids.ClientId}", $"object_id={ids.ObjectId}"), Server.ManagedIdentityHeader);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal("https://apps.azureiotcentral.com", body.GetProperty("resource").GetString());
        Assert.Equal(ids.ClientId, body.GetProperty("client_id").GetString());
        var expiresOn = long.Parse(body.GetProperty("expires_on").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(TokenClaims.Read(body.GetProperty("access_token").GetString()!).GetProperty("exp").GetInt64(), expiresOn);
    }

    private async Task<string> GetTokenAsync(ManagedIdentityId id)
    {
        var environment = OtherManagedIdentitySources.ToDictionary(name => name, _ => (string?)null);
        environment["IDENTITY_ENDPOINT"] = Server.ManagedIdentityEndpoint.ToString();
        environment["IDENTITY_HEADER"] = Server.ManagedIdentityHeader;
        using var scope = new EnvironmentScope(environment);
        var options = new ManagedIdentityCredentialOptions(id) { Transport = EmulatorTls.Transport(Server) };
        options.Retry.MaxRetries = 0;
        return await new ManagedIdentityCredential(options).GetIoTCentralTokenAsync();
    }
}
