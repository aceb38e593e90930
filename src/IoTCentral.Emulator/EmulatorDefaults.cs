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

    /// <summary>Where the command-line emulator's management endpoint (Azure Resource Manager stand-in) listens unless <c>--management-url</c> says otherwise.</summary>
    public const string DefaultManagementUrl = "https://127.0.0.1:5183";

    /// <summary>The one subscription of the management endpoint (public, fixed).</summary>
    public const string DevelopmentSubscriptionId = "4a2481f7-0000-4000-8000-00000000a2e0";

    /// <summary>The development service principal: registered on every run, with management access; its secret is public.</summary>
    public const string DevelopmentClientId = "4a2481f7-0000-4000-8000-00000000c11e";

    /// <summary>The object id of the development service principal.</summary>
    public const string DevelopmentObjectId = "4a2481f7-0000-4000-8000-0000000000bd";

    /// <summary>The development service principal's client secret: public and documented, valid only against the emulator.</summary>
    public const string DevelopmentClientSecret = "IoTCentral-Emulator-Development-Client-Secret-v1";

    /// <summary>
    /// The built-in development admin API token (role Administrator, expiry 9999-12-31). It is derived from the
    /// public development secret, is the same on every run, and is valid only against the emulator.
    /// </summary>
    public const string DevelopmentAdminApiToken =
        "SharedAccessSignature sr=4a2481f7-3b8d-51b4-cc4f-e49888c8e401&sig=gmtYrE5LKyuZOZUyzBU8xEXErJW5ZjREH5Z5B2JYPCU%3D&skn=emulator-admin&se=253402300799000";
}
