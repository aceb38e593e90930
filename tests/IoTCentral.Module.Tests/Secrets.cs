using System.Net;
using System.Security;

namespace IoTCentral.Module.Tests;

internal static class Secrets
{
    internal static SecureString Protect(string value) => new NetworkCredential(string.Empty, value).SecurePassword;

    internal static string Reveal(object? value) => value switch
    {
        SecureString secure => new NetworkCredential(string.Empty, secure).Password,
        System.Management.Automation.PSObject wrapped => Reveal(wrapped.BaseObject),
        _ => throw new InvalidOperationException("Not a SecureString: " + value?.GetType()),
    };
}
