using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IoTCentral.Emulator.Hosting;

/// <summary>
/// The emulator's self-signed TLS certificate for loopback (SAN 127.0.0.1, ::1, localhost). Generated on first use
/// and kept in the data directory when there is one, so a client that trusted it once keeps trusting it.
/// </summary>
internal static class TlsCertificate
{
    public const string FileName = "tls-certificate.pfx";
    public const string SubjectName = "CN=IoT Central emulator (localhost)";
    private static readonly TimeSpan Validity = TimeSpan.FromDays(5 * 365);

    /// <summary>The certificate with its private key, for Kestrel.</summary>
    public static X509Certificate2 LoadOrCreate(string? dataDir)
    {
        var path = dataDir is null ? null : Path.Combine(dataDir, FileName);
        if (path is not null && File.Exists(path))
        {
            try
            {
                var loaded = X509CertificateLoader.LoadPkcs12FromFile(path, null);
                if (loaded.NotAfter > DateTime.Now.AddDays(1))
                {
                    return loaded;
                }
            }
            catch (CryptographicException e)
            {
                throw new InvalidOperationException($"The emulator's TLS certificate '{path}' cannot be read: {e.Message}; delete it to get a new one.", e);
            }
        }

        var pfx = Create().Export(X509ContentType.Pfx);
        if (path is not null)
        {
            Directory.CreateDirectory(dataDir!);
            File.WriteAllBytes(path, pfx);
        }

        // Reloaded from PKCS#12 so the private key is usable by SslStream on every platform (not an ephemeral key).
        return X509CertificateLoader.LoadPkcs12(pfx, null);
    }

    /// <summary>Writes the public certificate: PEM for <c>.pem</c> and <c>.crt</c>, DER otherwise (e.g. <c>.cer</c>).</summary>
    public static void Export(X509Certificate2 certificate, string path)
    {
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var extension = Path.GetExtension(fullPath).ToLowerInvariant();
        if (extension is ".pem" or ".crt")
        {
            File.WriteAllText(fullPath, certificate.ExportCertificatePem() + "\n");
        }
        else
        {
            File.WriteAllBytes(fullPath, certificate.Export(X509ContentType.Cert));
        }
    }

    /// <remarks>ECDSA P-256: generated in a millisecond, where an RSA key takes about a second (every emulator start pays it).</remarks>
    private static X509Certificate2 Create()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(SubjectName, key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now + Validity);
    }
}
