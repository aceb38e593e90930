using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

/// <summary>The real Azure.Identity credentials against the emulator's token service, then the application over https.</summary>
public sealed class EntraCredentialTests(HttpsEmulatorFixture fixture) : IClassFixture<HttpsEmulatorFixture>
{
    private EmulatorServer Server => fixture.Server;

    private ApiClient Admin => fixture.Admin;

    [Fact]
    public async Task ClientSecretCredential_GetsAToken_ThatIs403UntilTheServicePrincipalIsAUser()
    {
        var ids = EntraIds.New();
        var credential = ServicePrincipals.Register(Server, ids, "s3cret");

        var client = Admin.WithBearer(await credential.GetIoTCentralTokenAsync());

        var message = await ErrorAssert.IsErrorAsync(await client.GetAsync(ApiClient.Api("/roles")), HttpStatusCode.Forbidden);
        Assert.Contains("not a user of this application", message);
        Assert.Contains(ids.ObjectId, message);

        await ServicePrincipals.AddAsUserAsync(Admin, "sp-secret", ids, RoleIds.Builder);
        var roles = await client.GetAsync(ApiClient.Api("/roles"));
        Assert.Equal(HttpStatusCode.OK, roles.Status);
        Assert.Equal(6, roles.Json.GetProperty("value").GetArrayLength());
    }

    [Fact]
    public async Task ClientCertificateCredential_SignsAnAssertion_AndCallsTheApplication()
    {
        var ids = EntraIds.New();
        using var certificate = TestCertificates.NewClientCertificate();
        Server.Identity.RegisterServicePrincipal(ids.TenantId, ids.ClientId, ids.ObjectId, certificate: certificate);
        await ServicePrincipals.AddAsUserAsync(Admin, "sp-certificate", ids, RoleIds.OrgViewer);
        var credential = new ClientCertificateCredential(ids.TenantId, ids.ClientId, certificate,
            EmulatorTls.Configure(new ClientCertificateCredentialOptions { DisableInstanceDiscovery = true }, Server));

        var client = Admin.WithBearer(await credential.GetIoTCentralTokenAsync());

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ApiClient.Api("/roles"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ApiClient.Api("/devices"))).Status);
        await ErrorAssert.IsErrorAsync(await client.PutAsync(ApiClient.Api("/devices/by-viewer"), new { }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ClientCertificateCredential_WithAnotherCertificate_Fails()
    {
        var ids = EntraIds.New();
        using var registered = TestCertificates.NewClientCertificate();
        using var other = TestCertificates.NewClientCertificate("CN=not-registered");
        Server.Identity.RegisterServicePrincipal(ids.TenantId, ids.ClientId, ids.ObjectId, certificate: registered);
        var credential = new ClientCertificateCredential(ids.TenantId, ids.ClientId, other,
            EmulatorTls.Configure(new ClientCertificateCredentialOptions { DisableInstanceDiscovery = true }, Server));

        var error = await Assert.ThrowsAsync<AuthenticationFailedException>(() => credential.GetIoTCentralTokenAsync());

        Assert.Contains("AADSTS700027", error.ToString());
    }

    [Fact]
    public async Task ClientSecretCredential_WithAWrongSecret_ThrowsAuthenticationFailedException()
    {
        var ids = EntraIds.New();
        Server.Identity.RegisterServicePrincipal(ids.TenantId, ids.ClientId, ids.ObjectId, clientSecret: "right");
        var credential = new ClientSecretCredential(ids.TenantId, ids.ClientId, "wrong",
            EmulatorTls.Configure(new ClientSecretCredentialOptions { DisableInstanceDiscovery = true }, Server));

        var error = await Assert.ThrowsAsync<AuthenticationFailedException>(() => credential.GetIoTCentralTokenAsync());

        Assert.Contains("AADSTS7000215", error.ToString());
        Assert.Contains("invalid_client", error.ToString());
    }

    [Fact]
    public async Task ClientSecretCredential_InAnotherTenant_ThrowsAuthenticationFailedException()
    {
        var ids = EntraIds.New();
        Server.Identity.RegisterServicePrincipal(ids.TenantId, ids.ClientId, ids.ObjectId, clientSecret: "s");
        var credential = new ClientSecretCredential(Guid.NewGuid().ToString(), ids.ClientId, "s",
            EmulatorTls.Configure(new ClientSecretCredentialOptions { DisableInstanceDiscovery = true }, Server));

        var error = await Assert.ThrowsAsync<AuthenticationFailedException>(() => credential.GetIoTCentralTokenAsync());

        Assert.Contains("AADSTS700016", error.ToString());
    }

    [Fact]
    public async Task OperatorServicePrincipal_CanCreateADevice_ButNotAnApiToken()
    {
        var ids = EntraIds.New();
        var credential = ServicePrincipals.Register(Server, ids, "op");
        await ServicePrincipals.AddAsUserAsync(Admin, "sp-operator", ids, RoleIds.Operator);
        var client = Admin.WithBearer(await credential.GetIoTCentralTokenAsync());

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync(ApiClient.Api("/devices/by-sp-operator"), new { displayName = "by a service principal" })).Status);
        var message = await ErrorAssert.IsErrorAsync(
            await client.PutAsync(ApiClient.Api("/apiTokens/by-sp"), new { roles = new[] { new { role = RoleIds.Operator } } }), HttpStatusCode.Forbidden);
        Assert.Contains("sp-operator", message);
        await ErrorAssert.IsErrorAsync(await client.GetAsync(ApiClient.Api("/users")), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync(ApiClient.Api("/apiTokens/by-sp"))).Status);
    }

    [Fact]
    public async Task AzureCorePipeline_SendsTheBearerTokenOverHttps()
    {
        var ids = EntraIds.New();
        var credential = ServicePrincipals.Register(Server, ids, "pipeline");
        await ServicePrincipals.AddAsUserAsync(Admin, "sp-pipeline", ids, RoleIds.Administrator);
        var pipeline = HttpPipelineBuilder.Build(new PipelineOptions { Transport = EmulatorTls.Transport(Server) },
            new BearerTokenAuthenticationPolicy(credential, EntraIds.IoTCentralScope));

        Assert.Equal("https", Server.ApplicationUrl.Scheme);
        foreach (var path in new[] { "/roles", "/users" })
        {
            using var message = pipeline.CreateMessage();
            message.Request.Method = RequestMethod.Get;
            message.Request.Uri.Reset(new Uri(Server.ApplicationUrl, ApiClient.Api(path)));
            await pipeline.SendAsync(message, CancellationToken.None);
            Assert.True(message.Response.Status == 200, $"{path}: {message.Response.Status} {message.Response.Content}");
        }
    }

    [Fact]
    public async Task DeviceCodeCredential_TheCallbackCompletesTheSignIn_AndTheEmailUserCallsTheApplication()
    {
        var tenantId = Guid.NewGuid().ToString();
        Server.Identity.RegisterUser(tenantId, Guid.NewGuid().ToString(), "ada@contoso.com");
        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsync(ApiClient.Api("/users/ada"), new
        {
            type = "email",
            email = "Ada@Contoso.com",
            roles = new[] { new { role = RoleIds.Operator } },
        })).Status);
        DeviceCodeInfo? shown = null;
        var credential = new DeviceCodeCredential(EmulatorTls.Configure(new DeviceCodeCredentialOptions
        {
            DisableInstanceDiscovery = true,
            DeviceCodeCallback = (info, _) =>
            {
                shown = info;
                Server.Identity.CompleteDeviceCode(info.UserCode, "ada@contoso.com");
                return Task.CompletedTask;
            },
        }, Server));

        var client = Admin.WithBearer(await credential.GetIoTCentralTokenAsync());

        Assert.NotNull(shown);
        Assert.Matches("^[A-Z0-9]{9}$", shown.Value.UserCode);
        Assert.StartsWith(Server.AuthorityHost.ToString(), shown.Value.VerificationUri.ToString());
        Assert.Contains(shown.Value.UserCode, shown.Value.Message);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync(ApiClient.Api("/devices/by-ada"), new { })).Status);
        var message = await ErrorAssert.IsErrorAsync(await client.GetAsync(ApiClient.Api("/apiTokens")), HttpStatusCode.Forbidden);
        Assert.Contains("ada@contoso.com", message);
    }

    [Fact]
    public async Task DeviceCodeCredential_AGroupMember_GetsTheGroupsRoles()
    {
        var tenantId = Guid.NewGuid().ToString();
        var groupId = Guid.NewGuid().ToString();
        Server.Identity.RegisterUser(tenantId, Guid.NewGuid().ToString(), "grace@contoso.com", [groupId]);
        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsync(ApiClient.Api("/users/admins-group"), new
        {
            type = "adGroup",
            tenantId,
            objectId = groupId,
            roles = new[] { new { role = RoleIds.Administrator } },
        })).Status);
        var credential = new DeviceCodeCredential(EmulatorTls.Configure(new DeviceCodeCredentialOptions
        {
            DisableInstanceDiscovery = true,
            TenantId = tenantId,
            DeviceCodeCallback = (info, _) =>
            {
                Server.Identity.CompleteDeviceCode(info.UserCode, "grace@contoso.com");
                return Task.CompletedTask;
            },
        }, Server));

        var client = Admin.WithBearer(await credential.GetIoTCentralTokenAsync());

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ApiClient.Api("/apiTokens"))).Status);
    }

    [Fact]
    public async Task DeviceCodeAutoApproveUser_SignsInWithoutACallbackAction()
    {
        Server.Identity.RegisterUser(Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), "auto@contoso.com");
        Server.Identity.DeviceCodeAutoApproveUser = "auto@contoso.com";
        try
        {
            var credential = new DeviceCodeCredential(EmulatorTls.Configure(new DeviceCodeCredentialOptions
            {
                DisableInstanceDiscovery = true,
                DeviceCodeCallback = (_, _) => Task.CompletedTask,
            }, Server));

            var token = await credential.GetIoTCentralTokenAsync();

            Assert.Equal("auto@contoso.com", TokenClaims.Read(token).GetProperty("upn").GetString());
        }
        finally
        {
            Server.Identity.DeviceCodeAutoApproveUser = null;
        }
    }

    [Fact]
    public async Task ApiTokens_StillWorkOverHttps()
    {
        Assert.Equal("https", Server.ApplicationUrl.Scheme);

        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync(ApiClient.Api("/roles"))).Status);
        var operatorClient = await fixture.Emulator.CreateTokenClientAsync("https-operator", RoleIds.Operator);
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync(ApiClient.Api("/devices"))).Status);
    }

    private sealed class PipelineOptions : ClientOptions
    {
    }
}
