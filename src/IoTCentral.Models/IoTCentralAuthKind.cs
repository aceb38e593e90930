namespace IoTCentral.Models
{
    /// <summary>How a session proves who it is to the application.</summary>
    public enum IoTCentralAuthKind
    {
        ApiToken,
        AccessToken,
        TokenCredential,
    }
}
