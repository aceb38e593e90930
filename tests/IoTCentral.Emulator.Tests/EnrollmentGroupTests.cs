using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

/// <summary>EnrollmentGroups_*: bodies against the spec's schemas, etags, and X.509 proof of possession with real certificates.</summary>
public sealed class EnrollmentGroupTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private ApiClient Admin => fixture.Admin;

    private static string Url(string id, string suffix = "") => ApiClient.Api($"/enrollmentGroups/{id}{suffix}");

    private static object SymmetricKeyGroup(string name = "Thermostats") =>
        new { displayName = name, type = "iot", attestation = new { type = "symmetricKey" } };

    private static object X509Group(X509Certificate2? primary = null) => new
    {
        displayName = "Edge gateways",
        enabled = false,
        type = "iotEdge",
        attestation = primary is null
            ? (object)new { type = "x509" }
            : new { type = "x509", x509 = new { signingCertificates = new { primary = new { certificate = Convert.ToBase64String(primary.RawData) } } } },
    };

    /// <summary>A CA certificate with its private key, as a user's PKI would issue.</summary>
    private static X509Certificate2 NewCa(string subject = "CN=Contoso Test Root CA")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddYears(1));
    }

    /// <summary>The verification certificate: subject CN=<paramref name="code"/>, signed by <paramref name="ca"/>'s key.</summary>
    private static string SignedLeaf(X509Certificate2 ca, string code, bool pem = false)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + code, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var leaf = request.Create(ca, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(1), serial);
        return pem ? leaf.ExportCertificatePem() : Convert.ToBase64String(leaf.RawData);
    }

    private async Task<string> CodeAsync(string id, string entry = "primary")
    {
        var response = await Admin.SendAsync(HttpMethod.Post, Url(id, $"/certificates/{entry}/generateVerificationCode"));
        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
        await SpecSchemas.AssertValidAsync("X509VerificationCode", response.Body);
        return response.Json.GetProperty("verificationCode").GetString()!;
    }

    private Task<ApiResponse> VerifyAsync(string id, string certificate, string entry = "primary") =>
        Admin.SendAsync(HttpMethod.Post, Url(id, $"/certificates/{entry}/verify"), new { certificate });

    [Fact]
    public async Task SymmetricKey_CreateGetListPatchRemove_MatchTheSchemas()
    {
        var created = await Admin.PutAsync(Url("eg-sas"), SymmetricKeyGroup());
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        await SpecSchemas.AssertValidAsync("EnrollmentGroup", created.Body);
        await SpecSchemas.AssertValidAsync("GroupSymmetricKeyAttestation", created.Json.GetProperty("attestation").GetRawText());
        Assert.True(created.Json.GetProperty("enabled").GetBoolean());
        var keys = created.Json.GetProperty("attestation").GetProperty("symmetricKey");
        var primary = keys.GetProperty("primaryKey").GetString()!;
        Assert.Equal(64, Convert.FromBase64String(primary).Length);
        Assert.NotEqual(primary, keys.GetProperty("secondaryKey").GetString());
        Assert.False(created.Json.TryGetProperty("idScope", out _));

        var fetched = await Admin.GetAsync(Url("eg-sas"));
        Assert.Equal(created.Body, fetched.Body);

        var preview = await Admin.GetAsync($"/api/enrollmentGroups/eg-sas?api-version=2022-10-31-preview");
        await SpecSchemas.AssertValidPreviewAsync("EnrollmentGroup", preview.Body);
        Assert.False(string.IsNullOrEmpty(preview.Json.GetProperty("idScope").GetString()));

        var list = await Admin.GetAsync(ApiClient.Api("/enrollmentGroups"));
        await SpecSchemas.AssertValidAsync("EnrollmentGroupCollection", list.Body);
        Assert.Contains(list.Json.GetProperty("value").EnumerateArray(), g => g.GetProperty("id").GetString() == "eg-sas");

        var rotated = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var patched = await Admin.PatchAsync(Url("eg-sas"), new { displayName = "Renamed", enabled = false, attestation = new { symmetricKey = new { secondaryKey = rotated } } });
        Assert.True(patched.Status == HttpStatusCode.OK, patched.ToString());
        await SpecSchemas.AssertValidAsync("EnrollmentGroup", patched.Body);
        Assert.Equal("Renamed", patched.Json.GetProperty("displayName").GetString());
        Assert.False(patched.Json.GetProperty("enabled").GetBoolean());
        Assert.Equal(primary, patched.Json.GetProperty("attestation").GetProperty("symmetricKey").GetProperty("primaryKey").GetString());
        Assert.Equal(rotated, patched.Json.GetProperty("attestation").GetProperty("symmetricKey").GetProperty("secondaryKey").GetString());
        Assert.NotEqual(created.Json.GetProperty("etag").GetString(), patched.Json.GetProperty("etag").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync(Url("eg-sas"))).Status);
        await ErrorAssert.IsErrorAsync(await Admin.GetAsync(Url("eg-sas")), HttpStatusCode.NotFound);
        await ErrorAssert.IsErrorAsync(await Admin.DeleteAsync(Url("eg-sas")), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_PagesWithNextLink()
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { PageSize = 2 });
        foreach (var id in new[] { "p1", "p2", "p3" })
        {
            Assert.Equal(HttpStatusCode.OK, (await emulator.Admin.PutAsync(Url(id), SymmetricKeyGroup(id))).Status);
        }

        var pages = await emulator.Admin.GetAllPagesAsync(ApiClient.Api("/enrollmentGroups"));
        Assert.Equal(2, pages.Count);
        foreach (var page in pages)
        {
            await SpecSchemas.AssertValidAsync("EnrollmentGroupCollection", page.Body);
        }

        Assert.Equal(["p1", "p2", "p3"], pages.SelectMany(p => p.Json.GetProperty("value").EnumerateArray()).Select(g => g.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Patch_FailurePaths()
    {
        var created = await Admin.PutAsync(Url("eg-patch"), SymmetricKeyGroup());
        var etag = created.Json.GetProperty("etag").GetString();

        await ErrorAssert.IsErrorAsync(await Admin.PatchAsync(Url("eg-patch"), new { displayName = "x", etag = "stale" }), HttpStatusCode.PreconditionFailed);
        Assert.Equal(HttpStatusCode.OK, (await Admin.PatchAsync(Url("eg-patch"), new { displayName = "x", etag })).Status);
        await ErrorAssert.IsErrorAsync(await Admin.PatchAsync(Url("eg-patch"), new { displayName = "y" }, "application/json"), HttpStatusCode.UnsupportedMediaType);
        await ErrorAssert.IsErrorAsync(await Admin.PatchAsync(Url("eg-patch"), new { type = "gateway" }), HttpStatusCode.BadRequest);
        await ErrorAssert.IsErrorAsync(await Admin.PatchAsync(Url("eg-patch"), new { attestation = new { x509 = new { } } }), HttpStatusCode.BadRequest);
        await ErrorAssert.IsErrorAsync(await Admin.PatchAsync(Url("no-such-group"), new { displayName = "x" }), HttpStatusCode.NotFound);
        await ErrorAssert.IsErrorAsync(await Admin.PutAsync(Url("eg-patch"), new { displayName = "z", type = "iot", attestation = new { type = "symmetricKey" }, etag = "stale" }), HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Create_RefusesBadBodiesAndIds()
    {
        await ErrorAssert.IsErrorAsync(await Admin.PutAsync(Url("bad_id"), SymmetricKeyGroup()), HttpStatusCode.BadRequest);
        await ErrorAssert.IsErrorAsync(await Admin.PutAsync(Url("eg-bad"), new { displayName = "x", type = "iot" }), HttpStatusCode.BadRequest);
        await ErrorAssert.IsErrorAsync(await Admin.PutAsync(Url("eg-bad"), new { displayName = "x", type = "iot", attestation = new { type = "tpm" } }), HttpStatusCode.BadRequest);
        await ErrorAssert.IsErrorAsync(
            await Admin.PutAsync(Url("eg-bad"), new { displayName = "x", type = "iot", attestation = new { type = "symmetricKey", symmetricKey = new { primaryKey = "c2hvcnQ=" } } }),
            HttpStatusCode.BadRequest);
        await ErrorAssert.IsErrorAsync(
            await Admin.PutAsync(Url("eg-bad"), new { displayName = "x", type = "iot", attestation = new { type = "x509", x509 = new { signingCertificates = new { primary = new { certificate = "bm90IGEgY2VydA==" } } } } }),
            HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task X509_ProofOfPossession_VerifiesALeafSignedByTheCaKey()
    {
        using var ca = NewCa();
        var created = await Admin.PutAsync(Url("eg-x509"), X509Group(ca));
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        await SpecSchemas.AssertValidAsync("EnrollmentGroup", created.Body);
        var attestation = created.Json.GetProperty("attestation");
        await SpecSchemas.AssertValidAsync("GroupX509Attestation", attestation.GetRawText());
        var entry = attestation.GetProperty("x509").GetProperty("signingCertificates").GetProperty("primary");
        Assert.False(entry.GetProperty("verified").GetBoolean());
        Assert.Equal(ca.Thumbprint, entry.GetProperty("info").GetProperty("sha1Thumbprint").GetString());

        var code = await CodeAsync("eg-x509");
        Assert.Equal(HttpStatusCode.NoContent, (await VerifyAsync("eg-x509", SignedLeaf(ca, code, pem: true))).Status);

        var certificate = await Admin.GetAsync(Url("eg-x509", "/certificates/primary"));
        await SpecSchemas.AssertValidAsync("SigningX509Certificate", certificate.Body);
        Assert.True(certificate.Json.GetProperty("verified").GetBoolean());

        // The code is used up: the same proof again is refused.
        await ErrorAssert.IsErrorAsync(await VerifyAsync("eg-x509", SignedLeaf(ca, code)), HttpStatusCode.BadRequest);

        // Renaming the group keeps the verification of the unchanged certificate.
        var patched = await Admin.PatchAsync(Url("eg-x509"), new { displayName = "Renamed" });
        Assert.True(patched.Json.GetProperty("attestation").GetProperty("x509").GetProperty("signingCertificates").GetProperty("primary").GetProperty("verified").GetBoolean());
    }

    [Fact]
    public async Task X509_Verify_RefusesEverythingButTheProof()
    {
        using var ca = NewCa();
        using var otherCa = NewCa("CN=Contoso Test Root CA");
        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsync(Url("eg-pop"), X509Group(ca))).Status);

        // No code generated yet.
        await ErrorAssert.IsErrorAsync(await VerifyAsync("eg-pop", SignedLeaf(ca, "ABC")), HttpStatusCode.BadRequest);

        var code = await CodeAsync("eg-pop");
        var wrongName = await ErrorAssert.IsErrorAsync(await VerifyAsync("eg-pop", SignedLeaf(ca, "not-the-code")), HttpStatusCode.BadRequest);
        Assert.Contains("common name", wrongName);

        // Same subject name as the CA, but another key signed it.
        var otherKey = await ErrorAssert.IsErrorAsync(await VerifyAsync("eg-pop", SignedLeaf(otherCa, code)), HttpStatusCode.BadRequest);
        Assert.Contains("not signed by the private key", otherKey);

        // Self-signed with the right name.
        using var selfKey = ECDsa.Create();
        using var selfSigned = new CertificateRequest("CN=" + code, selfKey, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(1));
        await ErrorAssert.IsErrorAsync(await VerifyAsync("eg-pop", Convert.ToBase64String(selfSigned.RawData)), HttpStatusCode.BadRequest);

        await ErrorAssert.IsErrorAsync(await VerifyAsync("eg-pop", "bm90IGEgY2VydA=="), HttpStatusCode.BadRequest);
        await ErrorAssert.IsErrorAsync(await Admin.SendAsync(HttpMethod.Post, Url("eg-pop", "/certificates/primary/verify"), new { }), HttpStatusCode.BadRequest);

        var entry = await Admin.GetAsync(Url("eg-pop", "/certificates/primary"));
        Assert.False(entry.Json.GetProperty("verified").GetBoolean());

        // A newer code replaces the older one.
        var newer = await CodeAsync("eg-pop");
        await ErrorAssert.IsErrorAsync(await VerifyAsync("eg-pop", SignedLeaf(ca, code)), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NoContent, (await VerifyAsync("eg-pop", SignedLeaf(ca, newer))).Status);
    }

    [Fact]
    public async Task X509_Entries_SetGetRemove_WithEtagsAndBadEntries()
    {
        using var ca = NewCa();
        using var second = NewCa("CN=Contoso Secondary CA");
        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsync(Url("eg-entries"), X509Group())).Status);
        await ErrorAssert.IsErrorAsync(await Admin.GetAsync(Url("eg-entries", "/certificates/secondary")), HttpStatusCode.NotFound);
        await ErrorAssert.IsErrorAsync(await Admin.SendAsync(HttpMethod.Post, Url("eg-entries", "/certificates/secondary/generateVerificationCode")), HttpStatusCode.NotFound);

        var set = await Admin.PutAsync(Url("eg-entries", "/certificates/secondary"), new { certificate = second.ExportCertificatePem() });
        Assert.True(set.Status == HttpStatusCode.OK, set.ToString());
        await SpecSchemas.AssertValidAsync("SigningX509Certificate", set.Body);
        Assert.Equal(second.Thumbprint, set.Json.GetProperty("info").GetProperty("sha1Thumbprint").GetString());
        Assert.Equal(Convert.ToBase64String(second.RawData), set.Json.GetProperty("certificate").GetString());

        await ErrorAssert.IsErrorAsync(
            await Admin.PutAsync(Url("eg-entries", "/certificates/secondary"), new { certificate = Convert.ToBase64String(ca.RawData), etag = "stale" }),
            HttpStatusCode.PreconditionFailed);
        var replaced = await Admin.PutAsync(Url("eg-entries", "/certificates/secondary"), new { certificate = Convert.ToBase64String(ca.RawData), etag = set.Json.GetProperty("etag").GetString() });
        Assert.Equal(ca.Thumbprint, replaced.Json.GetProperty("info").GetProperty("sha1Thumbprint").GetString());

        await ErrorAssert.IsErrorAsync(await Admin.GetAsync(Url("eg-entries", "/certificates/tertiary")), HttpStatusCode.BadRequest);
        await ErrorAssert.IsErrorAsync(await Admin.PutAsync(Url("eg-entries", "/certificates/primary"), new { certificate = "bm90IGEgY2VydA==" }), HttpStatusCode.BadRequest);
        await ErrorAssert.IsErrorAsync(await Admin.GetAsync(Url("no-such-group", "/certificates/primary")), HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync(Url("eg-entries", "/certificates/secondary"))).Status);
        await ErrorAssert.IsErrorAsync(await Admin.DeleteAsync(Url("eg-entries", "/certificates/secondary")), HttpStatusCode.NotFound);

        // A symmetric key group has no certificate entries.
        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsync(Url("eg-keys"), SymmetricKeyGroup())).Status);
        await ErrorAssert.IsErrorAsync(await Admin.PutAsync(Url("eg-keys", "/certificates/primary"), new { certificate = Convert.ToBase64String(ca.RawData) }), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData(RoleIds.Builder, HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData(RoleIds.Operator, HttpStatusCode.OK, HttpStatusCode.Forbidden)]
    [InlineData(RoleIds.OrgAdmin, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    public async Task Roles_ReadAndManageAsDocumented(string role, HttpStatusCode read, HttpStatusCode manage)
    {
        var client = await fixture.Emulator.CreateTokenClientAsync("eg-role-" + role[..8], role);
        Assert.Equal(read, (await client.GetAsync(ApiClient.Api("/enrollmentGroups"))).Status);
        Assert.Equal(manage, (await client.PutAsync(Url("eg-role-" + role[..8]), SymmetricKeyGroup())).Status);
    }
}
