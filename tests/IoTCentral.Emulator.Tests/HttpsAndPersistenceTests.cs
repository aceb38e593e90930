using System.Net;
using System.Security.Cryptography.X509Certificates;
using IoTCentral.Emulator.Hosting;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

/// <summary>The emulator's TLS certificate, its export, and what the data directory keeps of the Entra stand-in.</summary>
public sealed class HttpsAndPersistenceTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "iotc-emulator-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task Certificate_IsSelfSignedForLoopback_AndHasNoPrivateKey()
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Https = true });
        var certificate = emulator.Server.TlsCertificate;

        Assert.False(certificate.HasPrivateKey);
        Assert.Equal(certificate.Subject, certificate.Issuer);
        var names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Contains(IPAddress.Loopback, names.EnumerateIPAddresses());
        Assert.Contains(IPAddress.IPv6Loopback, names.EnumerateIPAddresses());
        Assert.Contains("localhost", names.EnumerateDnsNames());
        Assert.StartsWith("https://127.0.0.1:", emulator.Server.ApplicationUrl.ToString());
        Assert.Equal(HttpStatusCode.OK, (await emulator.Admin.GetAsync(ApiClient.Api("/roles"))).Status);
    }

    [Theory]
    [InlineData("emulator.pem")]
    [InlineData("emulator.cer")]
    public async Task Export_WritesPemOrDer_ThatLoadsAsTheSameCertificate(string fileName)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var path = Path.Combine(_dataDir, fileName);

        TlsCertificate.Export(emulator.Server.TlsCertificate, path);

        var text = File.ReadAllText(path);
        Assert.Equal(fileName.EndsWith(".pem", StringComparison.Ordinal), text.StartsWith("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal));
        using var loaded = fileName.EndsWith(".pem", StringComparison.Ordinal)
            ? X509Certificate2.CreateFromPem(text)
            : X509CertificateLoader.LoadCertificateFromFile(path);
        Assert.Equal(emulator.Server.TlsCertificate.Thumbprint, loaded.Thumbprint);
    }

    [Fact]
    public async Task DataDir_KeepsTheCertificate_TheSigningKey_AndTheUsers_AcrossRestarts()
    {
        var ids = EntraIds.New();
        string token;
        string thumbprint;
        await using (var first = await TestEmulator.StartAsync(new EmulatorOptions { Https = true, DataDir = _dataDir }))
        {
            thumbprint = first.Server.TlsCertificate.Thumbprint;
            token = await ServicePrincipals.Register(first.Server, ids).GetIoTCentralTokenAsync();
            await ServicePrincipals.AddAsUserAsync(first.Admin, "kept", ids, RoleIds.Operator);
        }

        await using var second = await TestEmulator.StartAsync(new EmulatorOptions { Https = true, DataDir = _dataDir });

        Assert.Equal(thumbprint, second.Server.TlsCertificate.Thumbprint);
        Assert.Equal(HttpStatusCode.OK, (await second.Admin.WithBearer(token).GetAsync(ApiClient.Api("/devices"))).Status);
    }

    [Fact]
    public async Task IdentitiesFile_InTheDataDir_RegistersIdentitiesForManualUse()
    {
        var ids = EntraIds.New();
        using var clientCertificate = TestCertificates.NewClientCertificate();
        Directory.CreateDirectory(_dataDir);
        File.WriteAllText(Path.Combine(_dataDir, "sp.pem"), clientCertificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_dataDir, "identities.json"), $$"""
            {
              "servicePrincipals": [ { "tenantId": "{{ids.TenantId}}", "clientId": "{{ids.ClientId}}", "objectId": "{{ids.ObjectId}}", "clientSecret": "from-file", "certificateFile": "sp.pem" } ],
              "users": [ { "tenantId": "{{ids.TenantId}}", "objectId": "{{Guid.NewGuid()}}", "userPrincipalName": "file@contoso.com" } ],
              "managedIdentities": [ { "clientId": "{{Guid.NewGuid()}}", "objectId": "{{Guid.NewGuid()}}", "systemAssigned": true } ],
              "deviceCodeAutoApproveUser": "file@contoso.com"
            }
            """);

        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Https = true, DataDir = _dataDir });

        var bySecret = new Azure.Identity.ClientSecretCredential(ids.TenantId, ids.ClientId, "from-file",
            EmulatorTls.Configure(new Azure.Identity.ClientSecretCredentialOptions { DisableInstanceDiscovery = true }, emulator.Server));
        var byCertificate = new Azure.Identity.ClientCertificateCredential(ids.TenantId, ids.ClientId, clientCertificate,
            EmulatorTls.Configure(new Azure.Identity.ClientCertificateCredentialOptions { DisableInstanceDiscovery = true }, emulator.Server));
        Assert.Equal(ids.ObjectId, TokenClaims.Read(await bySecret.GetIoTCentralTokenAsync()).GetProperty("oid").GetString());
        Assert.Equal("2", TokenClaims.Read(await byCertificate.GetIoTCentralTokenAsync()).GetProperty("appidacr").GetString());
        Assert.Equal("file@contoso.com", emulator.Server.Identity.DeviceCodeAutoApproveUser);
    }

    [Fact]
    public async Task BadIdentitiesFile_StopsTheStart_NamingTheFile()
    {
        Directory.CreateDirectory(_dataDir);
        var path = Path.Combine(_dataDir, "identities.json");
        File.WriteAllText(path, """{ "users": [ { "tenantId": "not-a-guid", "objectId": "x", "userPrincipalName": "u" } ] }""");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EmulatorServer.StartAsync(new EmulatorOptions { DataDir = _dataDir }));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public async Task AccessTokenLifetime_OutOfRange_IsRejected()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            EmulatorServer.StartAsync(new EmulatorOptions { AccessTokenLifetime = TimeSpan.FromSeconds(5) }));
    }
}
