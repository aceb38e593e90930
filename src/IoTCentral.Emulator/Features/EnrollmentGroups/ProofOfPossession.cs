using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using IoTCentral.Emulator.Http;

namespace IoTCentral.Emulator.Features.EnrollmentGroups;

/// <summary>
/// The X.509 proof of possession that DPS asks of a CA certificate: the caller gets a one-time code, makes a
/// certificate whose subject common name is that code, signs it with the CA's private key and sends it back. Only
/// the holder of the key can produce a certificate that chains to the CA with a valid signature.
/// </summary>
internal static class ProofOfPossession
{
    /// <summary>A fresh code: 48 hex digits, unguessable, short enough for a common name (at most 64 characters).</summary>
    public static string NewCode() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    /// <summary>Checks the verification certificate; a 400 saying what is wrong otherwise.</summary>
    public static void Check(string caCertificate, string expectedCode, string verificationText)
    {
        using var leaf = CertificateText.TryLoad(verificationText)
            ?? throw Refused("Property 'certificate' is not an X.509 certificate (base64 DER or PEM).");
        var commonName = leaf.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        if (!string.Equals(commonName, expectedCode, StringComparison.Ordinal))
        {
            throw Refused($"The certificate's subject common name is '{commonName}', not the verification code generated for this certificate entry.");
        }

        using var ca = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(caCertificate));
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        var built = chain.Build(leaf);

        // Signed by the CA itself: the chain is the leaf and then the CA, and the leaf is not the CA.
        var direct = chain.ChainElements.Count == 2
            && chain.ChainElements[1].Certificate.RawData.AsSpan().SequenceEqual(ca.RawData)
            && !leaf.RawData.AsSpan().SequenceEqual(ca.RawData);
        if (!built || !direct)
        {
            var problems = chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct().ToList();
            throw Refused("The certificate is not signed by the private key of this entry's CA certificate"
                + (problems.Count > 0 ? " (" + string.Join("; ", problems) + ")." : "."));
        }
    }

    private static ApiException Refused(string message) => ApiException.BadRequest(message, ErrorCodes.CertificateNotVerified);
}
