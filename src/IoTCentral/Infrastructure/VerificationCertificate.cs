using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace IoTCentral.Infrastructure
{
    /// <summary>
    /// Makes the proof-of-possession certificate: subject CN=the verification code, issued and signed by the CA
    /// certificate's private key. netstandard2.0 has no CertificateRequest, so the certificate is written in DER
    /// here (RFC 5280: a v3 certificate without extensions, with a fresh RSA key as its subject key). Only its
    /// signature matters to the service; the new key is thrown away.
    /// </summary>
    internal static class VerificationCertificate
    {
        private const string CommonNameOid = "2.5.4.3";
        private const string RsaEncryptionOid = "1.2.840.113549.1.1.1";
        private const string Sha256WithRsaOid = "1.2.840.113549.1.1.11";
        private const string EcdsaWithSha256Oid = "1.2.840.10045.4.3.2";

        /// <summary>The certificate as base64 DER; ArgumentException when the CA has no usable RSA or ECDSA private key.</summary>
        internal static string Create(X509Certificate2 ca, string verificationCode)
        {
            if (!ca.HasPrivateKey)
            {
                throw new ArgumentException("The signing certificate '" + ca.Subject + "' has no private key; load it with its key (a PFX file, or a certificate made with CertificateRequest).");
            }

            using (var rsa = ca.GetRSAPrivateKey())
            using (var ecdsa = rsa == null ? ca.GetECDsaPrivateKey() : null)
            {
                if (rsa == null && ecdsa == null)
                {
                    throw new ArgumentException("The signing certificate '" + ca.Subject + "' has neither an RSA nor an ECDSA private key.");
                }

                var algorithm = rsa != null ? Sequence(Oid(Sha256WithRsaOid), Null()) : Sequence(Oid(EcdsaWithSha256Oid));
                var tbs = ToBeSigned(ca, verificationCode, algorithm);
                var signature = rsa != null
                    ? rsa.SignData(tbs, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                    : EcdsaSignatureToDer(ecdsa!.SignData(tbs, HashAlgorithmName.SHA256));
                return Convert.ToBase64String(Sequence(tbs, algorithm, BitString(signature)));
            }
        }

        private static byte[] ToBeSigned(X509Certificate2 ca, string verificationCode, byte[] algorithm)
        {
            var serial = new byte[16];
            using (var random = RandomNumberGenerator.Create())
            {
                random.GetBytes(serial);
            }

            serial[0] &= 0x7F;
            serial[0] |= 0x01;

            // Valid from a little before now (clock skew) until the CA's own end, at most a day: it is used once.
            var notBefore = DateTime.UtcNow.AddMinutes(-5);
            var notAfter = DateTime.UtcNow.AddDays(1);
            if (ca.NotAfter.ToUniversalTime() < notAfter)
            {
                notAfter = ca.NotAfter.ToUniversalTime();
            }

            var subject = Sequence(Set(Sequence(Oid(CommonNameOid), Tlv(0x0C, Encoding.UTF8.GetBytes(verificationCode)))));
            return Sequence(
                Tlv(0xA0, Integer(new byte[] { 2 })),
                Integer(serial),
                algorithm,
                ca.SubjectName.RawData,
                Sequence(Time(notBefore), Time(notAfter)),
                subject,
                SubjectPublicKeyInfo());
        }

        private static byte[] SubjectPublicKeyInfo()
        {
            using (var key = RSA.Create())
            {
                key.KeySize = 2048;
                var parameters = key.ExportParameters(false);
                return Sequence(Sequence(Oid(RsaEncryptionOid), Null()), BitString(Sequence(Integer(parameters.Modulus), Integer(parameters.Exponent))));
            }
        }

        /// <summary>ECDSA signs as r||s (IEEE P1363); X.509 wants SEQUENCE { INTEGER r, INTEGER s }.</summary>
        private static byte[] EcdsaSignatureToDer(byte[] signature)
        {
            var half = signature.Length / 2;
            return Sequence(Integer(signature.Take(half).ToArray()), Integer(signature.Skip(half).ToArray()));
        }

        private static byte[] Time(DateTime utc) => utc.Year < 2050
            ? Tlv(0x17, Encoding.ASCII.GetBytes(utc.ToString("yyMMddHHmmss", CultureInfo.InvariantCulture) + "Z"))
            : Tlv(0x18, Encoding.ASCII.GetBytes(utc.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "Z"));

        /// <summary>A non-negative INTEGER from big-endian magnitude bytes: leading zeros dropped, a zero added when the top bit is set.</summary>
        private static byte[] Integer(byte[] magnitude)
        {
            var start = 0;
            while (start < magnitude.Length - 1 && magnitude[start] == 0)
            {
                start++;
            }

            var content = magnitude.Skip(start);
            if ((magnitude[start] & 0x80) != 0)
            {
                content = new byte[] { 0 }.Concat(content);
            }

            return Tlv(0x02, content.ToArray());
        }

        private static byte[] Oid(string dotted)
        {
            var arcs = dotted.Split('.').Select(a => ulong.Parse(a, CultureInfo.InvariantCulture)).ToArray();
            var content = new List<byte> { (byte)((arcs[0] * 40) + arcs[1]) };
            foreach (var arc in arcs.Skip(2))
            {
                var groups = new Stack<byte>();
                var value = arc;
                groups.Push((byte)(value & 0x7F));
                while ((value >>= 7) > 0)
                {
                    groups.Push((byte)(0x80 | (value & 0x7F)));
                }

                content.AddRange(groups);
            }

            return Tlv(0x06, content.ToArray());
        }

        private static byte[] Null() => new byte[] { 0x05, 0x00 };

        private static byte[] BitString(byte[] bytes) => Tlv(0x03, new byte[] { 0 }.Concat(bytes).ToArray());

        private static byte[] Sequence(params byte[][] items) => Tlv(0x30, items.SelectMany(i => i).ToArray());

        private static byte[] Set(params byte[][] items) => Tlv(0x31, items.SelectMany(i => i).ToArray());

        private static byte[] Tlv(byte tag, byte[] content)
        {
            var length = new List<byte>();
            if (content.Length < 0x80)
            {
                length.Add((byte)content.Length);
            }
            else
            {
                var bytes = new List<byte>();
                for (var n = content.Length; n > 0; n >>= 8)
                {
                    bytes.Insert(0, (byte)(n & 0xFF));
                }

                length.Add((byte)(0x80 | bytes.Count));
                length.AddRange(bytes);
            }

            return new[] { tag }.Concat(length).Concat(content).ToArray();
        }
    }
}
