using System;
using Azure.Identity;
using IoTCentral.Models;

namespace IoTCentral.Engine.Internal;

/// <summary>Azure.Identity's failures, as the one exception type the cmdlets understand.</summary>
internal static class SignInFailures
{
    public const string Code = "SignInFailed";

    private const string EntraErrorPrefix = "AADSTS";

    public static IoTCentralException From(AuthenticationFailedException exception) =>
        new(401, Code, "Microsoft Entra sign-in failed: " + Redactor.Text(Describe(exception)), null, exception);

    /// <summary>
    /// The exception's message with the reason it wraps. Azure.Identity's own message is often only
    /// "ClientSecretCredential authentication failed: "; Microsoft Entra's answer (AADSTS7000215: Invalid client
    /// secret ...) is in an inner exception, and it is what tells the user what to fix.
    /// </summary>
    public static string Describe(Exception exception)
    {
        var message = exception.Message.Trim();
        var reason = Reason(exception.InnerException);
        if (reason is null || message.IndexOf(reason, StringComparison.Ordinal) >= 0)
        {
            return message;
        }

        return message.TrimEnd(':', ' ') + ": " + reason;
    }

    private static string? Reason(Exception? inner)
    {
        string? innermost = null;
        for (var e = inner; e is not null; e = e.InnerException)
        {
            var text = e.Message;
            var at = text.IndexOf(EntraErrorPrefix, StringComparison.Ordinal);
            if (at >= 0)
            {
                return text.Substring(at).Trim();
            }

            if (!string.IsNullOrWhiteSpace(text))
            {
                innermost = text.Trim();
            }
        }

        return innermost;
    }
}
