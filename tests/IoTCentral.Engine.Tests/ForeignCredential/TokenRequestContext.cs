namespace Azure.Core;

public readonly struct TokenRequestContext
{
    public TokenRequestContext(string[] scopes, string? parentRequestId = null, string? claims = null, string? tenantId = null, bool isCaeEnabled = false)
    {
        Scopes = scopes;
        ParentRequestId = parentRequestId;
        Claims = claims;
        TenantId = tenantId;
        IsCaeEnabled = isCaeEnabled;
    }

    public string[] Scopes { get; }

    public string? ParentRequestId { get; }

    public string? Claims { get; }

    public string? TenantId { get; }

    public bool IsCaeEnabled { get; }
}
