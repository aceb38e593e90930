namespace IoTCentral.Emulator.Auth.Identity;

/// <summary>
/// The resource and scope a v2 <c>scope</c> parameter asks for: <c>https://apps.azureiotcentral.com/.default</c> is the
/// resource <c>https://apps.azureiotcentral.com</c> (the audience Microsoft Entra puts in such v1 tokens); OpenID
/// scopes (<c>openid profile offline_access</c>) are set aside.
/// </summary>
internal sealed record RequestedScope(string Resource, string ScopeName, bool OpenId)
{
    public const string Default = ".default";
    private static readonly string[] OpenIdScopes = ["openid", "profile", "offline_access", "email"];

    /// <summary>Null when the parameter names no resource scope, or scopes of more than one resource.</summary>
    public static RequestedScope? Parse(string? scope)
    {
        var scopes = (scope ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var resourceScopes = scopes.Where(s => !OpenIdScopes.Contains(s, StringComparer.OrdinalIgnoreCase)).ToList();
        if (resourceScopes.Count != 1)
        {
            return null;
        }

        var value = resourceScopes[0];
        var slash = value.LastIndexOf('/');
        if (slash <= 0 || slash == value.Length - 1)
        {
            return null;
        }

        return new RequestedScope(value[..slash], value[(slash + 1)..], scopes.Length > resourceScopes.Count);
    }
}
