namespace IoTCentral.Infrastructure
{
    /// <summary>
    /// What Connect-IoTCentral -Emulator uses. The token is the emulator's published development token,
    /// valid only against the emulator (like Azurite's well-known account key); a test checks that these
    /// match the emulator's own constants.
    /// </summary>
    internal static class EmulatorDefaults
    {
        internal const string ApplicationUrl = "http://127.0.0.1:5180";

        internal const string DevelopmentAdminApiToken = "PENDING";
    }
}
