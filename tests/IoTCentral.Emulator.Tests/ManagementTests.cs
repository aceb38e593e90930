using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Core;
using Azure.Identity;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

/// <summary>
/// The management endpoint (Azure Resource Manager stand-in): bodies against the control-plane spec, long-running
/// operations, isolation of the applications it creates, and its refusals.
/// </summary>
public sealed class ManagementTests : IAsyncLifetime
{
    private const string Api = "?api-version=2021-06-01";
    private TestEmulator _emulator = null!;
    private HttpClient _http = null!;

    private string Subscription => _emulator.Server.SubscriptionId;

    public async Task InitializeAsync()
    {
        _emulator = await TestEmulator.StartAsync(new EmulatorOptions { PageSize = 2 });
        _http = new HttpClient(EmulatorTls.TrustingHandler(_emulator.Server)) { BaseAddress = _emulator.Server.ManagementUrl };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync("https://management.azure.com/.default"));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Create_AnswersWithTheSpecsApp_AndAnOperationToPoll_ThenTheApplicationServesItsOwnDataPlane()
    {
        var created = await _http.PutAsJsonAsync(AppPath("rg1", "contoso-one") + Api, NewApp("westeurope", "ST1", "contoso-one"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadAsStringAsync();
        await ArmSpecSchemas.AssertValidAsync("App", body);
        Assert.Equal("1", created.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var status = created.Headers.GetValues("Azure-AsyncOperation").Single();
        Assert.StartsWith(_emulator.Server.ManagementUrl.ToString(), status, StringComparison.Ordinal);

        var first = await _http.GetFromJsonAsync<JsonElement>(status);
        Assert.Equal("InProgress", first.GetProperty("status").GetString());
        var second = await _http.GetFromJsonAsync<JsonElement>(status);
        Assert.Equal("Succeeded", second.GetProperty("status").GetString());

        var result = await _http.GetAsync(created.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        await ArmSpecSchemas.AssertValidAsync("App", await result.Content.ReadAsStringAsync());

        var app = JsonDocument.Parse(body).RootElement;
        var applicationUrl = new Uri(app.GetProperty("properties").GetProperty("applicationUrl").GetString()!);
        Assert.Equal("https", applicationUrl.Scheme);
        Assert.NotEqual(_emulator.Server.ApplicationUrl.Port, applicationUrl.Port);

        // The creator is the application's administrator: its IoT Central token reads the users, it alone.
        using var data = new HttpClient(EmulatorTls.TrustingHandler(_emulator.Server)) { BaseAddress = applicationUrl };
        data.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync("https://apps.azureiotcentral.com/.default"));
        var users = await data.GetFromJsonAsync<JsonElement>("/api/users?api-version=2022-07-31");
        var user = Assert.Single(users.GetProperty("value").EnumerateArray());
        Assert.Equal(EmulatorDefaults.DevelopmentObjectId, user.GetProperty("objectId").GetString());

        // The development application's admin token means nothing there.
        data.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(_emulator.Server.AdminApiToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await data.GetAsync("/api/roles?api-version=2022-07-31")).StatusCode);
    }

    [Fact]
    public async Task Lists_Page_WithNextLink_AndMatchTheSpec()
    {
        foreach (var name in new[] { "page-a", "page-b", "page-c" })
        {
            Assert.Equal(HttpStatusCode.Created, (await _http.PutAsJsonAsync(AppPath("paging", name) + Api, NewApp("eastus", "ST0", name))).StatusCode);
        }

        var first = await _http.GetStringAsync($"/subscriptions/{Subscription}/resourceGroups/paging/providers/Microsoft.IoTCentral/iotApps{Api}");
        await ArmSpecSchemas.AssertValidAsync("AppListResult", first);
        var page = JsonDocument.Parse(first).RootElement;
        Assert.Equal(2, page.GetProperty("value").GetArrayLength());
        var next = await _http.GetFromJsonAsync<JsonElement>(page.GetProperty("nextLink").GetString());
        Assert.Equal("page-c", Assert.Single(next.GetProperty("value").EnumerateArray()).GetProperty("name").GetString());

        await ArmSpecSchemas.AssertValidAsync("AppTemplatesResult",
            await (await _http.PostAsync($"/subscriptions/{Subscription}/providers/Microsoft.IoTCentral/appTemplates{Api}", null)).Content.ReadAsStringAsync());
        await ArmSpecSchemas.AssertValidAsync("OperationListResult", await _http.GetStringAsync($"/providers/Microsoft.IoTCentral/operations{Api}"));
    }

    [Fact]
    public async Task Availability_SaysWhetherNamesAndSubdomainsAreTaken()
    {
        await _http.PutAsJsonAsync(AppPath("rg1", "taken-name") + Api, NewApp("westus", "ST2", "taken-sub"));
        var name = await _http.PostAsJsonAsync($"/subscriptions/{Subscription}/providers/Microsoft.IoTCentral/checkNameAvailability{Api}", new { name = "taken-name", type = "IoTApps" });
        var nameBody = await name.Content.ReadAsStringAsync();
        await ArmSpecSchemas.AssertValidAsync("AppAvailabilityInfo", nameBody);
        Assert.Equal("AlreadyExists", JsonDocument.Parse(nameBody).RootElement.GetProperty("reason").GetString());

        var subdomain = await _http.PostAsJsonAsync($"/subscriptions/{Subscription}/providers/Microsoft.IoTCentral/checkSubdomainAvailability{Api}", new { name = "free-sub", type = "IoTApps" });
        Assert.True((await subdomain.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("nameAvailable").GetBoolean());
    }

    [Theory]
    [InlineData("mars", "ST2", "fresh-sub", HttpStatusCode.BadRequest, "LocationNotAvailableForResourceType", "location")]
    [InlineData("westus", "ST9", "fresh-sub", HttpStatusCode.BadRequest, "InvalidSku", "sku.name")]
    [InlineData("westus", "ST2", "Not_A_Label", HttpStatusCode.BadRequest, "InvalidSubdomain", "properties.subdomain")]
    [InlineData("westus", "ST2", "existing-sub", HttpStatusCode.Conflict, "SubdomainNotAvailable", "properties.subdomain")]
    public async Task Create_RefusesBadOrTakenValues_WithArmErrors(string location, string sku, string subdomain, HttpStatusCode status, string code, string target)
    {
        await _http.PutAsJsonAsync(AppPath("rg1", "existing") + Api, NewApp("westus", "ST2", "existing-sub"));
        var response = await _http.PutAsJsonAsync(AppPath("rg1", "fresh") + Api, NewApp(location, sku, subdomain));
        await AssertArmErrorAsync(response, status, code);
        Assert.Equal(target, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("target").GetString());
    }

    [Fact]
    public async Task Create_RefusesANameUsedInAnotherResourceGroup()
    {
        await _http.PutAsJsonAsync(AppPath("rg1", "global-name") + Api, NewApp("westus", "ST2", "global-one"));
        await AssertArmErrorAsync(await _http.PutAsJsonAsync(AppPath("rg2", "global-name") + Api, NewApp("westus", "ST2", "global-two")), HttpStatusCode.Conflict, "NameNotAvailable");
    }

    [Fact]
    public async Task Patch_ChangesWhatItNames_AndDeleteRemovesTheDataPlane()
    {
        var created = await (await _http.PutAsJsonAsync(AppPath("rg1", "changing") + Api, NewApp("westus", "ST2", "changing"))).Content.ReadFromJsonAsync<JsonElement>();
        var url = created.GetProperty("properties").GetProperty("applicationUrl").GetString()!;
        var patch = await _http.PatchAsJsonAsync(AppPath("rg1", "changing") + Api, new { sku = new { name = "ST0" }, tags = new { team = "a" }, properties = new { displayName = "Changed" } });
        Assert.Equal(HttpStatusCode.Accepted, patch.StatusCode);
        Assert.NotNull(patch.Headers.Location);
        var read = await _http.GetStringAsync(AppPath("rg1", "changing") + Api);
        await ArmSpecSchemas.AssertValidAsync("App", read);
        var app = JsonDocument.Parse(read).RootElement;
        Assert.Equal("ST0", app.GetProperty("sku").GetProperty("name").GetString());
        Assert.Equal("Changed", app.GetProperty("properties").GetProperty("displayName").GetString());
        Assert.Equal("a", app.GetProperty("tags").GetProperty("team").GetString());

        var deleted = await _http.DeleteAsync(AppPath("rg1", "changing") + Api);
        Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);
        await AssertArmErrorAsync(await _http.GetAsync(AppPath("rg1", "changing") + Api), HttpStatusCode.NotFound, "ResourceNotFound");
        Assert.Equal(HttpStatusCode.NoContent, (await _http.DeleteAsync(AppPath("rg1", "changing") + Api)).StatusCode);
        using var data = new HttpClient(EmulatorTls.TrustingHandler(_emulator.Server)) { BaseAddress = new Uri(url) };
        await Assert.ThrowsAsync<HttpRequestException>(() => data.GetAsync("/api/roles?api-version=2022-07-31"));
    }

    [Fact]
    public async Task Callers_WithoutManagementAccess_WithAnotherAudience_OrWithAnApiToken_AreRefused()
    {
        var ids = EntraIds.New();
        var outsider = ServicePrincipals.Register(_emulator.Server, ids);
        var token = await outsider.GetTokenAsync(new TokenRequestContext(["https://management.azure.com/.default"]), default);
        await AssertArmErrorAsync(await SendAsync("Bearer " + token.Token), HttpStatusCode.Forbidden, "AuthorizationFailed");

        _emulator.Server.Identity.GrantManagementAccess(ids.ObjectId);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync("Bearer " + token.Token)).StatusCode);

        var iotToken = await outsider.GetTokenAsync(new TokenRequestContext(["https://apps.azureiotcentral.com/.default"]), default);
        await AssertArmErrorAsync(await SendAsync("Bearer " + iotToken.Token), HttpStatusCode.Unauthorized, "InvalidAuthenticationTokenAudience");
        await AssertArmErrorAsync(await SendAsync(_emulator.Server.AdminApiToken), HttpStatusCode.Unauthorized, "AuthenticationFailed");
        await AssertArmErrorAsync(await _http.GetAsync($"/subscriptions/{Subscription}/providers/Microsoft.IoTCentral/iotApps?api-version=2020-01-01"), HttpStatusCode.BadRequest, "NoRegisteredProviderFound");
        await AssertArmErrorAsync(await _http.GetAsync($"/subscriptions/{Guid.NewGuid()}/providers/Microsoft.IoTCentral/iotApps{Api}"), HttpStatusCode.NotFound, "SubscriptionNotFound");
    }

    private async Task<HttpResponseMessage> SendAsync(string authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/subscriptions/{Subscription}/providers/Microsoft.IoTCentral/iotApps{Api}");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await _http.SendAsync(request);
    }

    private static async Task AssertArmErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {body}");
        await ArmSpecSchemas.AssertValidAsync("CloudError", body);
        Assert.Equal(code, JsonDocument.Parse(body).RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.True(response.Headers.Contains("x-ms-request-id"));
    }

    private async Task<string> TokenAsync(string scope)
    {
        var credential = new ClientSecretCredential(EmulatorIdentities.DefaultTenantId, EmulatorDefaults.DevelopmentClientId, EmulatorDefaults.DevelopmentClientSecret,
            EmulatorTls.Configure(new ClientSecretCredentialOptions { DisableInstanceDiscovery = true }, _emulator.Server));
        return (await credential.GetTokenAsync(new TokenRequestContext([scope]), default)).Token;
    }

    private string AppPath(string group, string name) => $"/subscriptions/{Subscription}/resourceGroups/{group}/providers/Microsoft.IoTCentral/iotApps/{name}";

    private static object NewApp(string location, string sku, string subdomain) =>
        new { location, sku = new { name = sku }, properties = new { subdomain, displayName = "Test" } };
}
