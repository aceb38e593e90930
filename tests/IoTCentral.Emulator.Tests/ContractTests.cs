using System.Net;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

/// <summary>Every response body of every route validates against the official GA spec's schema.</summary>
public sealed class ContractTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private ApiClient Admin => fixture.Admin;

    [Fact]
    public async Task SchemaValidation_IsStrictEnoughToCatchContractBreaks()
    {
        const string good = """{"id":"d","etag":"e","displayName":"d","enabled":true,"provisioned":false,"simulated":false}""";
        Assert.Empty(await SpecSchemas.ValidateAsync("Device", good));
        Assert.NotEmpty(await SpecSchemas.ValidateAsync("Device", """{"id":"d","enabled":"yes"}"""));
        Assert.NotEmpty(await SpecSchemas.ValidateAsync("Device", """{"id":"d","unexpected":1}"""));
        Assert.NotEmpty(await SpecSchemas.ValidateAsync("ApiToken", """{"id":"t","expiry":"2030-01-01T00:00:00.000Z"}"""));
        Assert.NotEmpty(await SpecSchemas.ValidateAsync("ApiToken", """{"id":"t","roles":[{"organization":"o"}]}"""));
        Assert.NotEmpty(await SpecSchemas.ValidateAsync("ApiToken", """{"id":"t","roles":[]}"""));
        Assert.NotEmpty(await SpecSchemas.ValidateAsync("ApiToken", """{"id":"t","roles":[{"role":"r"}],"expiry":"not a date"}"""));
        Assert.NotEmpty(await SpecSchemas.ValidateAsync("DeviceCredentials", """{"symmetricKey":{"primaryKey":"a","secondaryKey":"b"}}"""));
        Assert.NotEmpty(await SpecSchemas.ValidateAsync("DeviceCollection", """{"nextLink":"http://x"}"""));
        Assert.NotEmpty(await SpecSchemas.ValidateAsync("Error", """{"error":{"message":"m"}}"""));
        // format date-time-rfc1123 is unknown to NJsonSchema and must not break validation.
        Assert.Empty(await SpecSchemas.ValidateAsync("Error", """{"error":{"code":"c","message":"m","requestId":"r","time":"Mon, 23 Nov 2026 13:56:31 GMT"}}"""));
    }

    [Fact]
    public async Task ApiTokenRoutes_MatchSchema()
    {
        await Organizations.EnsureAsync(Admin, "seattle");
        var created = await Admin.PutAsync(ApiClient.Api("/apiTokens/contract-token"), new
        {
            roles = new object[] { new { role = RoleIds.Administrator }, new { role = RoleIds.OrgAdmin, organization = "seattle" } },
        });
        await AssertBodyAsync(created, "ApiToken");
        Assert.True(created.Json.TryGetProperty("token", out _));

        await AssertBodyAsync(await Admin.GetAsync(ApiClient.Api("/apiTokens/contract-token")), "ApiToken");
        await AssertBodyAsync(await Admin.GetAsync(ApiClient.Api("/apiTokens")), "ApiTokenCollection");

        var removed = await Admin.DeleteAsync(ApiClient.Api("/apiTokens/contract-token"));
        Assert.Equal(HttpStatusCode.NoContent, removed.Status);
        Assert.Equal(string.Empty, removed.Body);
    }

    [Fact]
    public async Task RoleRoutes_MatchSchema()
    {
        var list = await Admin.GetAsync(ApiClient.Api("/roles"));
        await AssertBodyAsync(list, "RoleCollection");
        foreach (var role in list.Json.GetProperty("value").EnumerateArray())
        {
            await AssertBodyAsync(await Admin.GetAsync(ApiClient.Api($"/roles/{role.GetProperty("id").GetString()}")), "Role");
        }
    }

    [Theory]
    [InlineData("2022-07-31")]
    [InlineData("2022-10-31-preview")]
    public async Task DeviceRoutes_MatchSchema(string apiVersion)
    {
        await Organizations.EnsureAsync(Admin, "seattle");
        var id = "contract-" + apiVersion;
        string Url(string path) => $"/api{path}?api-version={apiVersion}";
        var body = new
        {
            displayName = "CheckoutThermostatccc",
            template = "dtmi:contoso:testDeviceTemplate;1",
            simulated = true,
            enabled = true,
            organizations = new[] { "seattle" },
        };

        await AssertBodyAsync(await Admin.PutAsync(Url($"/devices/{id}"), body), "Device");
        await AssertBodyAsync(await Admin.GetAsync(Url($"/devices/{id}")), "Device");
        await AssertBodyAsync(await Admin.PatchAsync(Url($"/devices/{id}"), new { displayName = "renamed", organizations = (string[]?)null }), "Device");
        await AssertBodyAsync(await Admin.GetAsync(Url("/devices")), "DeviceCollection");
        await AssertBodyAsync(await Admin.GetAsync(Url($"/devices/{id}/credentials")), "DeviceCredentials");

        var removed = await Admin.DeleteAsync(Url($"/devices/{id}"));
        Assert.Equal(HttpStatusCode.NoContent, removed.Status);
        Assert.Equal(string.Empty, removed.Body);
    }

    public static TheoryData<string, object, string> UserBodies => new()
    {
        { "contract-email", new { type = "email", email = "user@contoso.com", roles = new[] { new { role = RoleIds.Operator } } }, "EmailUser" },
        {
            "contract-sp",
            new
            {
                type = "servicePrincipal",
                tenantId = "027fdad7-cf0f-470a-a26a-272197813322",
                objectId = "65e13aac-1443-4c49-9d49-57b87197cfff",
                roles = new object[] { new { role = RoleIds.Administrator }, new { role = RoleIds.OrgAdmin, organization = "seattle" } },
            },
            "ServicePrincipalUser"
        },
        {
            "contract-group",
            new { type = "adGroup", tenantId = Guid.NewGuid(), objectId = Guid.NewGuid(), roles = new[] { new { role = RoleIds.OrgViewer } } },
            "ADGroupUser"
        },
    };

    /// <summary><c>User</c> is polymorphic on <c>type</c>: each body is checked against the definition of its type.</summary>
    [Theory]
    [MemberData(nameof(UserBodies))]
    public async Task UserRoutes_MatchSchema(string userId, object body, string definition)
    {
        await Organizations.EnsureAsync(Admin, "seattle");
        await AssertBodyAsync(await Admin.PutAsync(ApiClient.Api($"/users/{userId}"), body), definition);
        await AssertBodyAsync(await Admin.GetAsync(ApiClient.Api($"/users/{userId}")), definition);
        await AssertBodyAsync(await Admin.PatchAsync(ApiClient.Api($"/users/{userId}"), new { roles = new[] { new { role = RoleIds.Builder } } }), definition);

        var list = await Admin.GetAsync(ApiClient.Api("/users"));
        await AssertBodyAsync(list, "UserCollection");
        foreach (var user in list.Json.GetProperty("value").EnumerateArray())
        {
            await SpecSchemas.AssertValidAsync(UserDefinition(user.GetProperty("type").GetString()), user.GetRawText());
        }

        var removed = await Admin.DeleteAsync(ApiClient.Api($"/users/{userId}"));
        Assert.Equal(HttpStatusCode.NoContent, removed.Status);
        Assert.Equal(string.Empty, removed.Body);
    }

    [Fact]
    public async Task UserSchemas_AreStrictPerType()
    {
        Assert.Empty(await SpecSchemas.ValidateAsync("EmailUser", """{"id":"u","type":"email","email":"a@b.c","roles":[{"role":"r"}]}"""));
        Assert.NotEmpty(await SpecSchemas.ValidateAsync("EmailUser", """{"id":"u","type":"email","roles":[{"role":"r"}]}"""));
        Assert.NotEmpty(await SpecSchemas.ValidateAsync("EmailUser", """{"id":"u","type":"email","email":"a@b.c","tenantId":"t","roles":[{"role":"r"}]}"""));
        Assert.NotEmpty(await SpecSchemas.ValidateAsync("ServicePrincipalUser", """{"id":"u","type":"servicePrincipal","tenantId":"t","roles":[{"role":"r"}]}"""));
        Assert.NotEmpty(await SpecSchemas.ValidateAsync("ADGroupUser", """{"id":"u","type":"adGroup","tenantId":"t","objectId":"o","roles":[]}"""));
    }

    private static string UserDefinition(string? type) => type switch
    {
        "email" => "EmailUser",
        "servicePrincipal" => "ServicePrincipalUser",
        "adGroup" => "ADGroupUser",
        _ => throw new Xunit.Sdk.XunitException($"unexpected user type '{type}'"),
    };

    public static TheoryData<string, string, string?, HttpStatusCode> FailingRequests => new()
    {
        { "GET", "/api/devices", null, HttpStatusCode.BadRequest },
        { "GET", "/api/devices?api-version=1999-01-01", null, HttpStatusCode.BadRequest },
        { "PUT", ApiClient.Api("/devices/bad%20id"), "{}", HttpStatusCode.BadRequest },
        { "PUT", ApiClient.Api("/devices/d1"), "not json", HttpStatusCode.BadRequest },
        { "PUT", ApiClient.Api("/apiTokens/t1"), """{"roles":[]}""", HttpStatusCode.BadRequest },
        { "GET", ApiClient.Api("/devices/missing"), null, HttpStatusCode.NotFound },
        { "GET", ApiClient.Api("/devices/missing/credentials"), null, HttpStatusCode.NotFound },
        { "GET", ApiClient.Api("/apiTokens/missing"), null, HttpStatusCode.NotFound },
        { "GET", ApiClient.Api("/users/missing"), null, HttpStatusCode.NotFound },
        { "PUT", ApiClient.Api("/users/u1"), """{"type":"email","roles":[]}""", HttpStatusCode.BadRequest },
        { "GET", ApiClient.Api("/roles/00000000-0000-0000-0000-000000000000"), null, HttpStatusCode.NotFound },
        { "GET", ApiClient.Api("/nothing-here"), null, HttpStatusCode.NotFound },
        { "POST", ApiClient.Api("/devices/d1"), "{}", HttpStatusCode.MethodNotAllowed },
        { "PUT", ApiClient.Api("/apiTokens/emulator-admin"), $$"""{"roles":[{"role":"{{RoleIds.Operator}}"}]}""", HttpStatusCode.Conflict },
    };

    [Theory]
    [MemberData(nameof(FailingRequests))]
    public async Task Errors_MatchSchema(string method, string url, string? body, HttpStatusCode status)
    {
        var response = await Admin.SendAsync(new HttpMethod(method), url, body);
        await ErrorAssert.IsErrorAsync(response, status);
    }

    [Fact]
    public async Task AuthenticationAndAuthorizationErrors_MatchSchema()
    {
        await ErrorAssert.IsErrorAsync(await Admin.WithToken(null).GetAsync(ApiClient.Api("/roles")), HttpStatusCode.Unauthorized);
        var operatorClient = await fixture.Emulator.CreateTokenClientAsync("contract-operator", RoleIds.Operator);
        await ErrorAssert.IsErrorAsync(await operatorClient.GetAsync(ApiClient.Api("/apiTokens")), HttpStatusCode.Forbidden);
    }

    private static async Task AssertBodyAsync(ApiResponse response, string definition)
    {
        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
        Assert.Equal("application/json", response.MediaType);
        Assert.True(Guid.TryParse(response.Header("x-ms-request-id"), out _), "x-ms-request-id is missing");
        await SpecSchemas.AssertValidAsync(definition, response.Body);
    }
}
