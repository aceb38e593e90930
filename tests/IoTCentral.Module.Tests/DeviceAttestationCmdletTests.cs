using System.Management.Automation;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IoTCentral.Module.Tests;

/// <summary>Get/Set/Remove-IoTCentralDeviceAttestation against the emulator's attestation routes.</summary>
public sealed class DeviceAttestationCmdletTests : ModuleTestBase
{
    public DeviceAttestationCmdletTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static X509Certificate2 NewCertificate(string subject)
    {
        using var key = ECDsa.Create();
        return new CertificateRequest(subject, key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
    }

    [Fact]
    public void SymmetricKeys_RoundTripAsSecureStrings_AndNoKeyAppearsInAnyStream()
    {
        var device = UniqueId("att");
        string primary = NewKey(), secondary = NewKey(), rotated = NewKey();
        var result = RunWith(
            """
            New-IoTCentralDevice -Id $device | Out-Null
            Set-IoTCentralDeviceAttestation -DeviceId $device -PrimaryKey $primary -SecondaryKey $secondary -Verbose -Debug
            $got = Get-IoTCentralDeviceAttestation -DeviceId $device -Verbose -Debug
            $got
            "$got"
            $got.psobject.Properties | ForEach-Object { "$($_.Name)=$($_.Value)" }
            Set-IoTCentralDeviceAttestation -DeviceId $device -SecondaryKey $rotated -PassThru -Verbose -Debug
            Get-IoTCentralDevice -Id $device | Get-IoTCentralDeviceCredential -Verbose -Debug
            """,
            ("device", device), ("primary", Secrets.Protect(primary)), ("secondary", Secrets.Protect(secondary)), ("rotated", Secrets.Protect(rotated)));
        result.AssertNoErrors();
        var got = result.Output[0];
        Assert.Equal("IoTCentral.Models.DeviceAttestation", got.BaseObject.GetType().FullName);
        Assert.Equal("symmetricKey", got.Properties["Type"].Value);
        Assert.Equal(primary, Secrets.Reveal(got.Properties["PrimaryKey"].Value));
        Assert.Equal(secondary, Secrets.Reveal(got.Properties["SecondaryKey"].Value));
        var patched = result.Output[^2];
        Assert.Equal(primary, Secrets.Reveal(patched.Properties["PrimaryKey"].Value));
        Assert.Equal(rotated, Secrets.Reveal(patched.Properties["SecondaryKey"].Value));
        Assert.Equal("IoTCentral.Models.DeviceCredential", result.Output[^1].BaseObject.GetType().FullName);
        Assert.Equal(primary, Secrets.Reveal(result.Output[^1].Properties["PrimaryKey"].Value));
        Assert.Contains(result.Verbose, v => v.StartsWith("PATCH ", StringComparison.Ordinal));

        var text = result.AllText();
        foreach (var key in new[] { primary, secondary, rotated })
        {
            Assert.DoesNotContain(key, text);
        }
    }

    [Fact]
    public void AsPlainText_WritesTheKeysAsStrings()
    {
        var device = UniqueId("att");
        var primary = NewKey();
        var result = RunWith(
            """
            New-IoTCentralDevice -Id $device | Out-Null
            Set-IoTCentralDeviceAttestation -DeviceId $device -PrimaryKey $primary -SecondaryKey $primary -PassThru -AsPlainText
            Get-IoTCentralDeviceAttestation -DeviceId $device -AsPlainText
            """,
            ("device", device), ("primary", Secrets.Protect(primary)));
        result.AssertNoErrors();
        Assert.All(result.Output, o => Assert.Equal("IoTCentral.Models.PlainTextDeviceAttestation", o.BaseObject.GetType().FullName));
        Assert.All(result.Output, o => Assert.Equal(primary, o.Properties["PrimaryKey"].Value));
    }

    [Fact]
    public void X509_TakesCertificateObjectsAndFiles_AndAnswersThumbprints()
    {
        var device = UniqueId("att");
        using var primary = NewCertificate("CN=primary");
        using var secondary = NewCertificate("CN=secondary");
        var pem = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".pem");
        File.WriteAllText(pem, secondary.ExportCertificatePem());
        try
        {
            var result = RunWith(
                """
                New-IoTCentralDevice -Id $device | Out-Null
                Set-IoTCentralDeviceAttestation -DeviceId $device -PrimaryCertificate $primary -PassThru
                Set-IoTCentralDeviceAttestation -DeviceId $device -SecondaryCertificate $pem -PassThru
                """,
                ("device", device), ("primary", primary), ("pem", pem));
            result.AssertNoErrors();
            Assert.Equal("x509", result.Output[0].Properties["Type"].Value);
            Assert.Equal(primary.Thumbprint, result.Output[0].Properties["PrimaryThumbprint"].Value);
            Assert.Null(result.Output[0].Properties["SecondaryThumbprint"].Value);
            Assert.Equal(primary.Thumbprint, result.Output[1].Properties["PrimaryThumbprint"].Value);
            Assert.Equal(secondary.Thumbprint, result.Output[1].Properties["SecondaryThumbprint"].Value);
        }
        finally
        {
            File.Delete(pem);
        }
    }

    [Fact]
    public void Tpm_AndRemove()
    {
        var device = UniqueId("att");
        var endorsementKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(200));
        var result = RunWith(
            """
            New-IoTCentralDevice -Id $device | Out-Null
            Set-IoTCentralDeviceAttestation -DeviceId $device -EndorsementKey $ek
            (Get-IoTCentralDeviceAttestation -DeviceId $device).TpmEndorsementKey
            Remove-IoTCentralDeviceAttestation -DeviceId $device -Force -WhatIf
            (Get-IoTCentralDeviceAttestation -DeviceId $device).Type
            Get-IoTCentralDevice -Id $device | Remove-IoTCentralDeviceAttestation -Force
            Get-IoTCentralDeviceAttestation -DeviceId $device
            """,
            ("device", device), ("ek", endorsementKey));
        Assert.Equal(endorsementKey, result.Output[0].BaseObject);
        Assert.Equal("tpm", result.Output[1].BaseObject);
        Assert.Equal(2, result.Output.Count);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("IoTCentral.DeviceAttestationNotFound,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
    }

    [Fact]
    public void Bad_keys_and_certificates_are_refused_before_any_request_without_echoing_the_key()
    {
        var device = UniqueId("att");
        var shortKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(8));
        var notCertificate = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".cer");
        File.WriteAllText(notCertificate, "not a certificate");
        try
        {
            var result = RunWith(
                """
                Set-IoTCentralDeviceAttestation -DeviceId $device -PrimaryKey $short -SecondaryKey $short -Verbose
                Set-IoTCentralDeviceAttestation -DeviceId $device -PrimaryCertificate ./no-such-file.cer -Verbose
                Set-IoTCentralDeviceAttestation -DeviceId $device -PrimaryCertificate $notCertificate -Verbose
                """,
                ("device", device), ("short", Secrets.Protect(shortKey)), ("notCertificate", notCertificate));
            Assert.Equal(3, result.Errors.Count);
            Assert.StartsWith("IoTCentral.InvalidKey,", result.Errors[0].FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, result.Errors[0].CategoryInfo.Category);
            Assert.StartsWith("IoTCentral.CertificateFileNotFound,", result.Errors[1].FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, result.Errors[1].CategoryInfo.Category);
            Assert.StartsWith("IoTCentral.InvalidCertificate,", result.Errors[2].FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidData, result.Errors[2].CategoryInfo.Category);
            Assert.DoesNotContain(result.Verbose, v => v.Contains("/api/", StringComparison.Ordinal));
            Assert.DoesNotContain(shortKey, result.AllText());
        }
        finally
        {
            File.Delete(notCertificate);
        }
    }

    [Fact]
    public void No_attestation_given_is_refused()
    {
        var result = RunWith("Set-IoTCentralDeviceAttestation -DeviceId some-device");
        Assert.StartsWith("IoTCentral.NoChangesSpecified,", result.TerminatingRecord!.FullyQualifiedErrorId);
    }
}
