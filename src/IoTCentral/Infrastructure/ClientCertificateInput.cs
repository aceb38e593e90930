using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace IoTCentral.Infrastructure
{
    /// <summary>
    /// A device's client certificate given as an X509Certificate2 or as the path of a .cer/.crt/.pem file (PEM or
    /// DER), turned into the base64 DER the service takes. Only the public certificate is ever sent.
    /// </summary>
    internal static class ClientCertificateInput
    {
        private const string PemBegin = "-----BEGIN CERTIFICATE-----";
        private const string PemEnd = "-----END CERTIFICATE-----";

        /// <summary>
        /// -PrimaryCertificate and -SecondaryCertificate as the spec's map of entries ({"primary": {"certificate": base64}, ...}),
        /// the ones not given left out; null, with <paramref name="error"/> set, when one cannot be read.
        /// </summary>
        internal static Dictionary<string, object?>? ToEntries(PSCmdlet cmdlet, object? primary, object? secondary, out ErrorRecord? error)
        {
            var entries = new Dictionary<string, object?>();
            foreach (var (parameterName, entry, value) in new[] { ("PrimaryCertificate", "primary", primary), ("SecondaryCertificate", "secondary", secondary) })
            {
                if (value == null)
                {
                    continue;
                }

                var base64 = ToBase64(cmdlet, value, parameterName, out error);
                if (base64 == null)
                {
                    return null;
                }

                entries[entry] = new Dictionary<string, object?> { ["certificate"] = base64 };
            }

            error = null;
            return entries;
        }

        /// <summary>The certificate as base64 DER; the error to write instead when it cannot be read.</summary>
        internal static string? ToBase64(PSCmdlet cmdlet, object value, string parameterName, out ErrorRecord? error)
        {
            error = null;
            var input = value is PSObject wrapped ? wrapped.BaseObject : value;
            if (input is X509Certificate2 certificate)
            {
                return Convert.ToBase64String(certificate.RawData);
            }

            var path = input is FileInfo file ? file.FullName : cmdlet.GetUnresolvedProviderPathFromPSPath(input.ToString());
            if (!File.Exists(path))
            {
                error = Error(new FileNotFoundException("The certificate file '" + path + "' (-" + parameterName + ") does not exist.", path), ErrorIds.CertificateFileNotFound, ErrorCategory.ObjectNotFound, path);
                return null;
            }

            try
            {
                using (var loaded = new X509Certificate2(Der(File.ReadAllBytes(path))))
                {
                    return Convert.ToBase64String(loaded.RawData);
                }
            }
            catch (Exception exception) when (exception is CryptographicException || exception is FormatException)
            {
                error = Error(
                    new ArgumentException("The file '" + path + "' (-" + parameterName + ") is not an X.509 certificate in PEM or DER form.", exception),
                    ErrorIds.InvalidCertificate,
                    ErrorCategory.InvalidData,
                    path);
                return null;
            }
        }

        /// <summary>The DER bytes of the first certificate of a PEM file, or the bytes as they are.</summary>
        private static byte[] Der(byte[] bytes)
        {
            var text = Encoding.ASCII.GetString(bytes);
            var begin = text.IndexOf(PemBegin, StringComparison.Ordinal);
            if (begin < 0)
            {
                return bytes;
            }

            begin += PemBegin.Length;
            var end = text.IndexOf(PemEnd, begin, StringComparison.Ordinal);
            if (end < 0)
            {
                throw new FormatException("The PEM certificate has no end line.");
            }

            return Convert.FromBase64String(text.Substring(begin, end - begin).Replace("\r", string.Empty).Replace("\n", string.Empty).Trim());
        }

        private static ErrorRecord Error(Exception exception, string errorId, ErrorCategory category, object target) =>
            new ErrorRecord(exception, errorId, category, target);
    }
}
