using System.Net;
using Azure.Identity;

namespace IoTCentral.Emulator.Tests.Infrastructure;

/// <summary>Service principals for tests: registered in the emulator's directory and, optionally, users of the application.</summary>
public static class ServicePrincipals
{
    /// <summary>Registers a service principal with a secret and returns a ClientSecretCredential for it.</summary>
    public static ClientSecretCredential Register(EmulatorServer server, EntraIds ids, string secret = "s3cret")
    {
        server.Identity.RegisterServicePrincipal(ids.TenantId, ids.ClientId, ids.ObjectId, clientSecret: secret);
        return new ClientSecretCredential(ids.TenantId, ids.ClientId, secret,
            EmulatorTls.Configure(new ClientSecretCredentialOptions { DisableInstanceDiscovery = true }, server));
    }

    /// <summary>Adds the identity as a <c>servicePrincipal</c> user of the application with one role (PUT /users as admin).</summary>
    public static async Task AddAsUserAsync(ApiClient admin, string userId, EntraIds ids, string role)
    {
        var created = await admin.PutAsync(ApiClient.Api($"/users/{userId}"), new
        {
            type = "servicePrincipal",
            tenantId = ids.TenantId,
            objectId = ids.ObjectId,
            roles = new[] { new { role } },
        });
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
    }
}
