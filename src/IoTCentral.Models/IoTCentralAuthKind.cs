namespace IoTCentral.Models
{
    /// <summary>How a session proves who it is to the application.</summary>
    public enum IoTCentralAuthKind
    {
        ApiToken,
        AccessToken,
        TokenCredential,
        ManagedIdentity,
        ServicePrincipal,
        DeviceCode,
        Interactive,

        /// <summary>The non-interactive chain: environment, workload identity, managed identity, Azure CLI, Azure PowerShell.</summary>
        DefaultChain,
    }
}
