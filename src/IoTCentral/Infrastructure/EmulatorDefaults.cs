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

        internal const string DevelopmentAdminApiToken = "SharedAccessSignature sr=4a2481f7-3b8d-51b4-cc4f-e49888c8e401&sig=gmtYrE5LKyuZOZUyzBU8xEXErJW5ZjREH5Z5B2JYPCU%3D&skn=emulator-admin&se=253402300799000";
    }
}
