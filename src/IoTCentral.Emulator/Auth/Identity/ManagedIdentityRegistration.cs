namespace IoTCentral.Emulator.Auth.Identity;

/// <summary>A managed identity the managed-identity endpoint can issue tokens for (at most one is system-assigned).</summary>
internal sealed record ManagedIdentityRegistration(string TenantId, string ClientId, string ObjectId, string? ResourceId, bool SystemAssigned);
