namespace IoTCentral.Emulator;

/// <summary>Well-known values of the emulator (documented in docs/emulator.md).</summary>
public static class EmulatorDefaults
{
    /// <summary>The URL the command-line emulator listens on unless <c>--urls</c> says otherwise.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5180";

    /// <summary>Where the command-line emulator's token service listens unless <c>--authority-url</c> says otherwise.</summary>
    public const string DefaultAuthorityUrl = "https://127.0.0.1:5181";

    /// <summary>Where the command-line emulator's managed-identity endpoint listens unless <c>--managed-identity-url</c> says otherwise.</summary>
    public const string DefaultManagedIdentityUrl = "http://127.0.0.1:5182";

    /// <summary>
    /// The built-in development admin API token (role Administrator, expiry 9999-12-31). It is derived from the
    /// public development secret, is the same on every run, and is valid only against the emulator.
    /// </summary>
    public const string DevelopmentAdminApiToken =
        "SharedAccessSignature sr=4a2481f7-3b8d-51b4-cc4f-e49888c8e401&sig=gmtYrE5LKyuZOZUyzBU8xEXErJW5ZjREH5Z5B2JYPCU%3D&skn=emulator-admin&se=253402300799000";
}
