using System.Management.Automation;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IoTCentral.Module.Tests;

/// <summary>The enrollment group cmdlets against the emulator, including the whole X.509 proof-of-possession flow.</summary>
public sealed class EnrollmentGroupCmdletTests : ModuleTestBase
{
    public EnrollmentGroupCmdletTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>A CA with its private key; <paramref name="rsa"/> picks the key type, since the cmdlet signs with either.</summary>
    private static X509Certificate2 NewCa(string subject, bool rsa)
    {
        using var rsaKey = rsa ? RSA.Create(2048) : null;
        using var ecKey = rsa ? null : ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = rsa
            ? new CertificateRequest(subject, rsaKey!, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : new CertificateRequest(subject, ecKey!, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddYears(1));
    }

    [Fact]
    public void SymmetricKeyGroup_KeysAreSecureStrings_AndNoKeyAppearsInAnyStream()
    {
        var id = UniqueId("eg");
        string primary = NewKey(), rotated = NewKey();
        var result = RunWith(
            """
            $created = New-IoTCentralEnrollmentGroup -Id $id -DisplayName 'Thermostats' -PrimaryKey $primary -Verbose -Debug
            $created
            "$created"
            $created.psobject.Properties | ForEach-Object { "$($_.Name)=$($_.Value)" }
            Set-IoTCentralEnrollmentGroup -Id $id -SecondaryKey $rotated -Enabled $false -PassThru -Verbose -Debug
            Get-IoTCentralEnrollmentGroup -Id $id -AsPlainText
            """,
            ("id", id), ("primary", Secrets.Protect(primary)), ("rotated", Secrets.Protect(rotated)));
        result.AssertNoErrors();
        var created = result.Output[0];
        Assert.Equal("IoTCentral.Models.EnrollmentGroup", created.BaseObject.GetType().FullName);
        Assert.Equal("symmetricKey", created.Properties["AttestationType"].Value);
        Assert.Equal("iot", created.Properties["Type"].Value);
        Assert.Equal(true, created.Properties["Enabled"].Value);
        Assert.Equal(primary, Secrets.Reveal(created.Properties["PrimaryKey"].Value));
        var generated = Secrets.Reveal(created.Properties["SecondaryKey"].Value);
        Assert.Equal(64, Convert.FromBase64String(generated).Length);
        Assert.Equal(Emulator.ApplicationUrl.TrimEnd('/'), created.Properties["ApplicationUrl"].Value!.ToString()!.TrimEnd('/'));

        var patched = result.Output.Single(o => o.BaseObject.GetType().Name == "EnrollmentGroup" && !ReferenceEquals(o, created) && Equals(o.Properties["Enabled"].Value, false));
        Assert.Equal(rotated, Secrets.Reveal(patched.Properties["SecondaryKey"].Value));
        Assert.Contains(result.Verbose, v => v.StartsWith("PATCH ", StringComparison.Ordinal));

        var plain = result.Output[^1];
        Assert.Equal("IoTCentral.Models.PlainTextEnrollmentGroup", plain.BaseObject.GetType().FullName);
        Assert.Equal(primary, plain.Properties["PrimaryKey"].Value);

        // Everything but the deliberately plain-text object.
        var text = string.Join("\n", result.Output.Take(result.Output.Count - 1).Select(o => o.ToString()))
            + string.Join("\n", result.Verbose) + string.Join("\n", result.Debug) + string.Join("\n", result.Warnings);
        foreach (var key in new[] { primary, rotated, generated })
        {
            Assert.DoesNotContain(key, text);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void X509Group_ProofOfPossessionInOneCall_MarksTheCertificateVerified(bool rsa)
    {
        var id = UniqueId("eg");
        using var ca = NewCa("CN=Module Test CA", rsa);
        using var publicOnly = X509CertificateLoader.LoadCertificate(ca.RawData);
        var result = RunWith(
            """
            New-IoTCentralEnrollmentGroup -Id $id -DisplayName 'Gateways' -Type IotEdge -PrimaryCertificate $public | Out-Null
            Get-IoTCentralEnrollmentGroupCertificate -Id $id
            Get-IoTCentralEnrollmentGroupCertificate -Id $id -Entry Primary | Confirm-IoTCentralEnrollmentGroupCertificate -SigningCertificate $ca -PassThru -Verbose
            (Get-IoTCentralEnrollmentGroup -Id $id).PrimaryCertificate.Verified
            """,
            ("id", id), ("ca", ca), ("public", publicOnly));
        result.AssertNoErrors();
        var before = result.Output[0];
        Assert.Equal("IoTCentral.Models.EnrollmentGroupCertificate", before.BaseObject.GetType().FullName);
        Assert.Equal("Primary", before.Properties["Entry"].Value);
        Assert.Equal(ca.Thumbprint, before.Properties["Thumbprint"].Value);
        Assert.Equal(false, before.Properties["Verified"].Value);
        Assert.Equal(true, result.Output[1].Properties["Verified"].Value);
        Assert.Equal(true, result.Output[2].BaseObject);
        Assert.Contains(result.Verbose, v => v.Contains("/verify", StringComparison.Ordinal));
    }

    [Fact]
    public void StepByStepProof_WithAVerificationCertificateFile_AndAnotherCasLeafIsRefused()
    {
        var id = UniqueId("eg");
        using var ca = NewCa("CN=Step CA", rsa: false);
        using var other = NewCa("CN=Step CA", rsa: false);
        var pem = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".pem");
        File.WriteAllText(pem, ca.ExportCertificatePem());
        try
        {
            var result = RunWith(
                """
                New-IoTCentralEnrollmentGroup -Id $id -DisplayName 'Step' -AttestationType X509 | Out-Null
                Set-IoTCentralEnrollmentGroupCertificate -Id $id -Entry Secondary -Path $pem -PassThru
                $code = New-IoTCentralEnrollmentGroupVerificationCode -Id $id -Entry Secondary
                $code
                """,
                ("id", id), ("pem", pem));
            result.AssertNoErrors();
            Assert.Equal(ca.Thumbprint, result.Output[0].Properties["Thumbprint"].Value);
            var code = (string)result.Output[1].Properties["VerificationCode"].Value!;
            Assert.Equal("Secondary", result.Output[1].Properties["Entry"].Value);

            using var wrongLeaf = Leaf(other, code);
            using var rightLeaf = Leaf(ca, code);
            var verify = RunWith(
                """
                Confirm-IoTCentralEnrollmentGroupCertificate -Id $id -Entry Secondary -Certificate $wrong
                Confirm-IoTCentralEnrollmentGroupCertificate -Id $id -Entry Secondary -Certificate $right -PassThru
                """,
                ("id", id), ("wrong", wrongLeaf), ("right", rightLeaf));
            var error = Assert.Single(verify.Errors);
            Assert.StartsWith("IoTCentral.CertificateVerificationFailed,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Equal(true, Assert.Single(verify.Output).Properties["Verified"].Value);
        }
        finally
        {
            File.Delete(pem);
        }
    }

    private static X509Certificate2 Leaf(X509Certificate2 ca, string code)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + code, key, HashAlgorithmName.SHA256);
        return request.Create(ca, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(1), RandomNumberGenerator.GetBytes(8).Select(b => (byte)(b & 0x7F)).ToArray());
    }

    [Fact]
    public void Failures_HaveStableIdsAndCategories()
    {
        var id = UniqueId("eg");
        var result = RunWith(
            """
            Get-IoTCentralEnrollmentGroup -Id no-such-group
            New-IoTCentralEnrollmentGroup -Id $id -DisplayName 'Keys' | Out-Null
            Set-IoTCentralEnrollmentGroup -Id $id -DisplayName 'x' -ETag stale
            Get-IoTCentralEnrollmentGroupCertificate -Id $id -Entry Primary
            Remove-IoTCentralEnrollmentGroup -Id $id -WhatIf
            Get-IoTCentralEnrollmentGroup -Id $id | Remove-IoTCentralEnrollmentGroup -Force
            Get-IoTCentralEnrollmentGroup -Id $id
            """,
            ("id", id));
        Assert.Empty(result.Output);
        Assert.Collection(
            result.Errors,
            e => Assert.StartsWith("IoTCentral.EnrollmentGroupNotFound,", e.FullyQualifiedErrorId),
            e => Assert.Equal(ErrorCategory.WriteError, e.CategoryInfo.Category),
            e => Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category),
            e => Assert.StartsWith("IoTCentral.EnrollmentGroupNotFound,", e.FullyQualifiedErrorId));
    }

    [Fact]
    public void Bad_input_is_refused_before_any_request()
    {
        var shortKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(8));
        using var ca = NewCa("CN=Mixed", rsa: false);
        var result = RunWith("New-IoTCentralEnrollmentGroup -DisplayName x -PrimaryKey $short -Verbose", ("short", Secrets.Protect(shortKey)));
        Assert.StartsWith("IoTCentral.InvalidKey,", Assert.Single(result.Errors).FullyQualifiedErrorId);
        Assert.DoesNotContain(result.Verbose, v => v.Contains("/api/", StringComparison.Ordinal));
        Assert.DoesNotContain(shortKey, result.AllText());

        var mixed = RunWith("New-IoTCentralEnrollmentGroup -DisplayName x -PrimaryKey $key -PrimaryCertificate $ca", ("key", Secrets.Protect(NewKey())), ("ca", ca));
        Assert.StartsWith("IoTCentral.InvalidAttestation,", mixed.TerminatingRecord!.FullyQualifiedErrorId);

        using var publicOnly = X509CertificateLoader.LoadCertificate(ca.RawData);
        var noKey = RunWith("Confirm-IoTCentralEnrollmentGroupCertificate -Id some-group -SigningCertificate $ca", ("ca", publicOnly));
        Assert.StartsWith("IoTCentral.InvalidCertificate,", noKey.TerminatingRecord!.FullyQualifiedErrorId);

        var none = RunWith("Set-IoTCentralEnrollmentGroup -Id some-group");
        Assert.StartsWith("IoTCentral.NoChangesSpecified,", none.TerminatingRecord!.FullyQualifiedErrorId);
    }
}
