namespace IoTCentral.Emulator.Auth.Identity;

/// <summary>Who a valid bearer token speaks for: an application (service principal or managed identity) or a user.</summary>
internal sealed record EntraPrincipal(
    string TenantId, string ObjectId, bool IsApplication, string? ClientId, string? UserPrincipalName, IReadOnlyList<string> Groups)
{
    public string Describe() => IsApplication
        ? $"The service principal (tenant '{TenantId}', object id '{ObjectId}', client id '{ClientId}')"
        : $"The user '{UserPrincipalName}' (tenant '{TenantId}', object id '{ObjectId}')";
}
