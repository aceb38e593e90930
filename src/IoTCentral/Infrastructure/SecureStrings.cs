using System;
using System.Runtime.InteropServices;
using System.Security;

namespace IoTCentral.Infrastructure
{
    internal static class SecureStrings
    {
        /// <summary>Only for values the user explicitly asked to see (-AsPlainText).</summary>
        internal static string? ToPlainText(SecureString? value)
        {
            if (value == null)
            {
                return null;
            }

            var pointer = Marshal.SecureStringToGlobalAllocUnicode(value);
            try
            {
                return Marshal.PtrToStringUni(pointer);
            }
            finally
            {
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }

        internal static SecureString FromPlainText(string value)
        {
            var secure = new SecureString();
            foreach (var character in value)
            {
                secure.AppendChar(character);
            }

            secure.MakeReadOnly();
            return secure;
        }
    }
}
