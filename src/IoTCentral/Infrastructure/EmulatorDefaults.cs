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

        /// <summary>The management endpoint (Azure Resource Manager stand-in) of an emulator started with its default URLs.</summary>
        internal const string ManagementUrl = "https://127.0.0.1:5183/";

        /// <summary>The emulator's one subscription.</summary>
        internal const string SubscriptionId = "4a2481f7-0000-4000-8000-00000000a2e0";

        /// <summary>The development service principal every emulator registers with management access (public credentials).</summary>
        internal const string TenantId = "4a2481f7-0000-4000-8000-00000000e1d0";

        internal const string DevelopmentClientId = "4a2481f7-0000-4000-8000-00000000c11e";

        internal const string DevelopmentClientSecret = "IoTCentral-Emulator-Development-Client-Secret-v1";

        internal const string DevelopmentAdminApiToken = "SharedAccessSignature sr=4a2481f7-3b8d-51b4-cc4f-e49888c8e401&sig=gmtYrE5LKyuZOZUyzBU8xEXErJW5ZjREH5Z5B2JYPCU%3D&skn=emulator-admin&se=253402300799000";
    }
}
