using System;

namespace IoTCentral.Engine;

/// <summary>Who a bearer-token session signed in as, read from the first token's claims.</summary>
public sealed class SignedInIdentity
{
    public SignedInIdentity(string? identity, string? tenantId, DateTimeOffset? expiresOn)
    {
        Identity = identity;
        TenantId = tenantId;
        ExpiresOn = expiresOn;
    }

    public string? Identity { get; }

    public string? TenantId { get; }

    public DateTimeOffset? ExpiresOn { get; }
}
