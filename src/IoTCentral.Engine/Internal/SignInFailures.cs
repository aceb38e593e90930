using Azure.Identity;
using IoTCentral.Models;

namespace IoTCentral.Engine.Internal;

/// <summary>Azure.Identity's failures, as the one exception type the cmdlets understand.</summary>
internal static class SignInFailures
{
    public const string Code = "SignInFailed";

    public static IoTCentralException From(AuthenticationFailedException exception) =>
        new(401, Code, "Microsoft Entra sign-in failed: " + Redactor.Text(exception.Message), null, exception);
}
