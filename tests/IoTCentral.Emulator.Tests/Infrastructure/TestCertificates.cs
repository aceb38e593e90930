using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IoTCentral.Emulator.Tests.Infrastructure;

/// <summary>Client certificates for service principals, as `az ad sp create-for-rbac --create-cert` would make.</summary>
public static class TestCertificates
{
    public static X509Certificate2 NewClientCertificate(string subject = "CN=iotcentral-emulator-test-client")
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        // Through PKCS#12 so the private key is usable for signing on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}
