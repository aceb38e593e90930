using System.Net;
using System.Security.Cryptography;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

/// <summary>Devices_*Attestation: stored on the device, checked as DPS checks enrollments, and validated against the spec's schemas.</summary>
public sealed class DeviceAttestationTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private ApiClient Admin => fixture.Admin;

    private static string Url(string device) => ApiClient.Api($"/devices/{device}/attestation");

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private async Task DeviceAsync(string id) =>
        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsync(ApiClient.Api("/devices/" + id), new { })).Status);

    [Fact]
    public async Task SymmetricKey_SetGetPatchRemove_MatchTheSchemas()
    {
        await DeviceAsync("att-sas");
        await ErrorAssert.IsErrorAsync(await Admin.GetAsync(Url("att-sas")), HttpStatusCode.NotFound);

        string primary = NewKey(), secondary = NewKey(), rotated = NewKey();
        var set = await Admin.PutAsync(Url("att-sas"), new { type = "symmetricKey", symmetricKey = new { primaryKey = primary, secondaryKey = secondary } });
        Assert.Equal(HttpStatusCode.OK, set.Status);
        await SpecSchemas.AssertValidAsync("SymmetricKeyAttestation", set.Body);
        Assert.Equal(primary, set.Json.GetProperty("symmetricKey").GetProperty("primaryKey").GetString());

        var fetched = await Admin.GetAsync(Url("att-sas"));
        Assert.Equal(set.Body, fetched.Body);

        var patched = await Admin.PatchAsync(Url("att-sas"), new { symmetricKey = new { secondaryKey = rotated } });
        Assert.Equal(HttpStatusCode.OK, patched.Status);
        await SpecSchemas.AssertValidAsync("SymmetricKeyAttestation", patched.Body);
        Assert.Equal(primary, patched.Json.GetProperty("symmetricKey").GetProperty("primaryKey").GetString());
        Assert.Equal(rotated, patched.Json.GetProperty("symmetricKey").GetProperty("secondaryKey").GetString());

        var credentials = await Admin.GetAsync(ApiClient.Api("/devices/att-sas/credentials"));
        await SpecSchemas.AssertValidAsync("DeviceCredentials", credentials.Body);
        Assert.Equal(primary, credentials.Json.GetProperty("symmetricKey").GetProperty("primaryKey").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync(Url("att-sas"))).Status);
        await ErrorAssert.IsErrorAsync(await Admin.GetAsync(Url("att-sas")), HttpStatusCode.NotFound);
        await ErrorAssert.IsErrorAsync(await Admin.DeleteAsync(Url("att-sas")), HttpStatusCode.NotFound);
        await ErrorAssert.IsErrorAsync(await Admin.PatchAsync(Url("att-sas"), new { type = "tpm" }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Tpm_IsStoredAndAnswered()
    {
        await DeviceAsync("att-tpm");
        var endorsementKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(256));
        var set = await Admin.PutAsync(Url("att-tpm"), new { type = "tpm", tpm = new { endorsementKey } });
        Assert.Equal(HttpStatusCode.OK, set.Status);
        await SpecSchemas.AssertValidAsync("TpmAttestation", set.Body);
        Assert.Equal(endorsementKey, set.Json.GetProperty("tpm").GetProperty("endorsementKey").GetString());

        var credentials = await Admin.GetAsync(ApiClient.Api("/devices/att-tpm/credentials"));
        await SpecSchemas.AssertValidAsync("DeviceCredentials", credentials.Body);
        Assert.Equal(endorsementKey, credentials.Json.GetProperty("tpm").GetProperty("endorsementKey").GetString());
    }

    [Fact]
    public async Task X509_AnswersThumbprints_AndAcceptsPemOrDer()
    {
        await DeviceAsync("att-x509");
        using var primary = TestCertificates.NewClientCertificate("CN=att-primary");
        using var secondary = TestCertificates.NewClientCertificate("CN=att-secondary");
        var set = await Admin.PutAsync(Url("att-x509"), new
        {
            type = "x509",
            x509 = new { clientCertificates = new { primary = new { certificate = Convert.ToBase64String(primary.RawData) } } },
        });
        Assert.Equal(HttpStatusCode.OK, set.Status);
        await SpecSchemas.AssertValidAsync("X509Attestation", set.Body);
        var certificates = set.Json.GetProperty("x509").GetProperty("clientCertificates");
        Assert.Equal(primary.Thumbprint, certificates.GetProperty("primary").GetProperty("info").GetProperty("sha1Thumbprint").GetString());
        Assert.False(certificates.TryGetProperty("secondary", out _));

        var patched = await Admin.PatchAsync(Url("att-x509"), new
        {
            x509 = new { clientCertificates = new { secondary = new { certificate = secondary.ExportCertificatePem() } } },
        });
        Assert.Equal(HttpStatusCode.OK, patched.Status);
        await SpecSchemas.AssertValidAsync("X509Attestation", patched.Body);
        var both = patched.Json.GetProperty("x509").GetProperty("clientCertificates");
        Assert.Equal(primary.Thumbprint, both.GetProperty("primary").GetProperty("info").GetProperty("sha1Thumbprint").GetString());
        Assert.Equal(secondary.Thumbprint, both.GetProperty("secondary").GetProperty("info").GetProperty("sha1Thumbprint").GetString());

        var credentials = await Admin.GetAsync(ApiClient.Api("/devices/att-x509/credentials"));
        await SpecSchemas.AssertValidAsync("DeviceCredentials", credentials.Body);
        Assert.Equal(Convert.ToBase64String(primary.RawData),
            credentials.Json.GetProperty("x509").GetProperty("clientCertificates").GetProperty("primary").GetProperty("certificate").GetString());
    }

    [Fact]
    public async Task BadBodies_Are400_AndUnknownDevices404()
    {
        await DeviceAsync("att-bad");
        object[] bodies =
        [
            new { },
            new { type = "password" },
            new { type = "symmetricKey" },
            new { type = "symmetricKey", symmetricKey = new { primaryKey = NewKey() } },
            new { type = "symmetricKey", symmetricKey = new { primaryKey = "not base64!", secondaryKey = NewKey() } },
            new { type = "symmetricKey", symmetricKey = new { primaryKey = Convert.ToBase64String(new byte[8]), secondaryKey = NewKey() } },
            new { type = "tpm", tpm = new { } },
            new { type = "x509", x509 = new { clientCertificates = new { } } },
            new { type = "x509", x509 = new { clientCertificates = new { primary = new { certificate = Convert.ToBase64String(new byte[40]) } } } },
        ];
        foreach (var body in bodies)
        {
            await ErrorAssert.IsErrorAsync(await Admin.PutAsync(Url("att-bad"), body), HttpStatusCode.BadRequest);
        }

        await ErrorAssert.IsErrorAsync(await Admin.GetAsync(Url("att-bad")), HttpStatusCode.NotFound);
        await ErrorAssert.IsErrorAsync(await Admin.PutAsync(Url("no-such-device"), new { type = "tpm", tpm = new { endorsementKey = NewKey() } }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Attestation_PersistsWithTheDevice()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "iotc-emulator-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string body;
            await using (var emulator = await TestEmulator.StartAsync(new EmulatorOptions { DataDir = dataDir }))
            {
                await emulator.Admin.PutAsync(ApiClient.Api("/devices/kept"), new { });
                body = (await emulator.Admin.PutAsync(Url("kept"), new { type = "tpm", tpm = new { endorsementKey = NewKey() } })).Body;
            }

            await using var restarted = await TestEmulator.StartAsync(new EmulatorOptions { DataDir = dataDir });
            Assert.Equal(body, (await restarted.Admin.GetAsync(Url("kept"))).Body);
        }
        finally
        {
            if (Directory.Exists(dataDir))
            {
                Directory.Delete(dataDir, recursive: true);
            }
        }
    }

    [Fact]
    public async Task TheFeed_AcceptsTheAttestationKeys_InsteadOfTheGeneratedOnes()
    {
        await DeviceAsync("att-feed");
        var generated = await DeviceFeed.ClientAsync(Admin, "att-feed");
        await Admin.PutAsync(Url("att-feed"), new { type = "symmetricKey", symmetricKey = new { primaryKey = NewKey(), secondaryKey = NewKey() } });

        // ClientAsync signs with the primary key /credentials answers, which is now the attestation's.
        var attested = await DeviceFeed.ClientAsync(Admin, "att-feed");
        var url = DeviceFeed.Url("att-feed", "/telemetry");
        Assert.NotEqual(HttpStatusCode.Unauthorized, (await attested.SendAsync(HttpMethod.Post, url, new { temperature = 21.5 })).Status);
        await ErrorAssert.IsErrorAsync(await generated.SendAsync(HttpMethod.Post, url, new { temperature = 21.5 }), HttpStatusCode.Unauthorized);
    }
}
