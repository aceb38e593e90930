namespace IoTCentral.Emulator.Features.Users;

/// <summary>The spec's <c>User.type</c> discriminator values (EmailUser, ServicePrincipalUser, ADGroupUser).</summary>
internal static class UserTypes
{
    public const string Email = "email";
    public const string ServicePrincipal = "servicePrincipal";
    public const string AdGroup = "adGroup";

    public static readonly IReadOnlyList<string> All = [Email, ServicePrincipal, AdGroup];
}
