using System;
using System.Runtime.InteropServices;
using System.Security;

namespace IoTCentral.Engine.Internal;

/// <summary>Moves secrets between SecureString and string only at the edges where a string is unavoidable.</summary>
internal static class SecureStrings
{
    /// <summary>A read-only SecureString of a secret the service answered, or null when it answered none.</summary>
    public static SecureString? ProtectOrNull(string? value) => string.IsNullOrEmpty(value) ? null : ToReadOnly(value!);

    public static SecureString ToReadOnly(string value)
    {
        var secure = new SecureString();
        foreach (var c in value)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }

    public static SecureString ReadOnlyCopy(SecureString value)
    {
        var copy = value.Copy();
        copy.MakeReadOnly();
        return copy;
    }

    public static string ToPlainText(SecureString value)
    {
        var pointer = IntPtr.Zero;
        try
        {
            pointer = Marshal.SecureStringToGlobalAllocUnicode(value);
            return Marshal.PtrToStringUni(pointer) ?? string.Empty;
        }
        finally
        {
            if (pointer != IntPtr.Zero)
            {
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }
    }
}
