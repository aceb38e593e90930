using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IoTCentral.Emulator.Features.EnrollmentGroups;

/// <summary>A certificate as request bodies carry it: base64 DER, or PEM text.</summary>
internal static class CertificateText
{
    /// <summary>The parsed certificate, or null when the text is neither form (the caller words the 400).</summary>
    public static X509Certificate2? TryLoad(string text)
    {
        try
        {
            return text.Contains("-----BEGIN", StringComparison.Ordinal)
                ? X509Certificate2.CreateFromPem(text)
                : X509CertificateLoader.LoadCertificate(Convert.FromBase64String(text));
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Upper-case hex SHA-1 of the DER bytes, as the spec's <c>sha1Thumbprint</c>.</summary>
    public static string Thumbprint(X509Certificate2 certificate) => Convert.ToHexString(SHA1.HashData(certificate.RawData));
}
