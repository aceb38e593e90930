using System;
using System.Globalization;
using System.IO;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace IoTCentral.Infrastructure
{
    /// <summary>Finds a service principal's certificate (with its private key) by thumbprint or file.</summary>
    internal static class CertificateLoader
    {
        internal static X509Certificate2 FromThumbprint(string thumbprint)
        {
            var wanted = NormalizeThumbprint(thumbprint);
            foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
            {
                using (var store = new X509Store(StoreName.My, location))
                {
                    try
                    {
                        store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
                    }
                    catch (Exception exception) when (exception is System.Security.Cryptography.CryptographicException || exception is PlatformNotSupportedException)
                    {
                        // A store that does not exist here (LocalMachine on Linux) simply has no certificate.
                        continue;
                    }

                    var found = store.Certificates.Find(X509FindType.FindByThumbprint, wanted, validOnly: false);
                    if (found.Count > 0)
                    {
                        return found[0];
                    }
                }
            }

            throw new ArgumentException("No certificate with thumbprint " + wanted + " is in the CurrentUser or LocalMachine personal (My) store.");
        }

        /// <summary>
        /// The 40 hex digits of a SHA-1 thumbprint however it was copied: openssl prints "SHA1 Fingerprint=AB:CD:...",
        /// Windows' certificate dialog separates pairs with spaces and starts with an invisible left-to-right mark.
        /// </summary>
        internal static string NormalizeThumbprint(string thumbprint)
        {
            var text = thumbprint;
            var equals = text.LastIndexOf('=');
            if (equals >= 0)
            {
                text = text.Substring(equals + 1);
            }

            var digits = new StringBuilder(40);
            foreach (var c in text)
            {
                if (Uri.IsHexDigit(c))
                {
                    digits.Append(char.ToUpperInvariant(c));
                }
                else if (!char.IsWhiteSpace(c) && c != ':' && c != '-' && char.GetUnicodeCategory(c) != UnicodeCategory.Format)
                {
                    throw new ArgumentException("The certificate thumbprint '" + thumbprint + "' has a character that is not a hex digit: '" + c + "'.");
                }
            }

            if (digits.Length != 40)
            {
                throw new ArgumentException(
                    "A certificate thumbprint is 40 hex digits (SHA-1, as the certificate store shows it), but '" + thumbprint + "' has " + digits.Length.ToString(CultureInfo.InvariantCulture) + "." +
                    (digits.Length == 64 ? " That looks like a SHA-256 fingerprint; use the SHA-1 one (openssl x509 -noout -fingerprint -sha1)." : string.Empty));
            }

            return digits.ToString();
        }

        internal static X509Certificate2 FromFile(string path, SecureString? password)
        {
            if (!File.Exists(path))
            {
                throw new ArgumentException("The certificate file '" + path + "' does not exist.");
            }

            try
            {
                // Exportable so that Azure.Identity can sign with the key on every platform.
                return password == null
                    ? new X509Certificate2(path, (string?)null, X509KeyStorageFlags.Exportable)
                    : new X509Certificate2(path, password, X509KeyStorageFlags.Exportable);
            }
            catch (System.Security.Cryptography.CryptographicException exception)
            {
                throw new ArgumentException("The certificate file '" + path + "' could not be read (a PFX with its private key is expected; check -CertificatePassword): " + exception.Message, exception);
            }
        }
    }
}
