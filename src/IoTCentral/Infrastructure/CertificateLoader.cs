using System;
using System.IO;
using System.Security;
using System.Security.Cryptography.X509Certificates;

namespace IoTCentral.Infrastructure
{
    /// <summary>Finds a service principal's certificate (with its private key) by thumbprint or file.</summary>
    internal static class CertificateLoader
    {
        internal static X509Certificate2 FromThumbprint(string thumbprint)
        {
            var wanted = thumbprint.Replace(" ", string.Empty);
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
