namespace IoTCentral.Emulator.Auth.Identity;

/// <summary>The names and values the emulator's tokens share between the token service and the application.</summary>
internal static class EntraTokens
{
    /// <summary>IoT Central's resource: tokens for <c>https://apps.azureiotcentral.com/.default</c> carry it as <c>aud</c>.</summary>
    public const string IoTCentralResource = "https://apps.azureiotcentral.com";

    /// <summary>The audiences the application accepts: the resource, also with the trailing slash some clients add.</summary>
    public static readonly IReadOnlyList<string> AcceptedAudiences = [IoTCentralResource, IoTCentralResource + "/"];

    /// <summary>Azure Resource Manager's resource: the audience of tokens for <c>https://management.azure.com/.default</c>.</summary>
    public const string ManagementResource = "https://management.azure.com";

    /// <summary>Whether <paramref name="audience"/> names <paramref name="resource"/>, with or without the trailing slash.</summary>
    public static bool IsAudienceOf(string audience, string resource) =>
        string.Equals(audience.TrimEnd('/'), resource.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    /// <summary><c>idtyp</c> of app-only tokens (service principals and managed identities).</summary>
    public const string ApplicationIdentityType = "app";

    public const string UserIdentityType = "user";

    /// <summary>Access tokens use Microsoft Entra's v1 issuer, as for resources that accept v1 tokens like IoT Central.</summary>
    public static string AccessTokenIssuer(string tenantId) => $"https://sts.windows.net/{tenantId}/";

    /// <summary>ID tokens (device-code sign-in) use the v2 issuer form of the emulator's own authority.</summary>
    public static string IdTokenIssuer(Uri authorityHost, string tenantId) => $"{authorityHost.GetLeftPart(UriPartial.Authority)}/{tenantId}/v2.0";
}
