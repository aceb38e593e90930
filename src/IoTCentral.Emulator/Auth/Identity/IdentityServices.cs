using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using IoTCentral.Emulator.Hosting;

namespace IoTCentral.Emulator.Auth.Identity;

/// <summary>
/// The parts of the Microsoft Entra stand-in that the application, the token service and the managed-identity
/// endpoint share: one TLS certificate, one token signing key, one directory of identities.
/// </summary>
internal sealed class IdentityServices : IDisposable
{
    private IdentityServices(IdentitySettings settings, X509Certificate2 certificate, TokenSigningKey signingKey)
    {
        Settings = settings;
        Certificate = certificate;
        SigningKey = signingKey;
        Identities = new EmulatorIdentities(settings.Clock);
        Issuer = new AccessTokenIssuer(signingKey, settings);
        Validator = new BearerTokenValidator(signingKey, settings);
        TokenService = new TokenService(Identities, Issuer, new ClientAssertionValidator(settings), settings);
        ManagedIdentityHeader = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));
    }

    public IdentitySettings Settings { get; }

    /// <summary>The TLS certificate, with its private key (for Kestrel only; clients get the public part).</summary>
    public X509Certificate2 Certificate { get; }

    public TokenSigningKey SigningKey { get; }

    public EmulatorIdentities Identities { get; }

    public AccessTokenIssuer Issuer { get; }

    public BearerTokenValidator Validator { get; }

    public TokenService TokenService { get; }

    /// <summary>The managed-identity endpoint's secret (IDENTITY_HEADER): new on every run, as on App Service.</summary>
    public string ManagedIdentityHeader { get; }

    public static IdentityServices Create(EmulatorOptions options)
    {
        var settings = IdentitySettings.From(options);
        var certificate = TlsCertificate.LoadOrCreate(settings.DataDir);
        var signingKey = TokenSigningKey.LoadOrCreate(settings.DataDir);
        var services = new IdentityServices(settings, certificate, signingKey);
        try
        {
            services.Identities.RegisterServicePrincipal(EmulatorIdentities.DefaultTenantId, EmulatorDefaults.DevelopmentClientId,
                EmulatorDefaults.DevelopmentObjectId, EmulatorDefaults.DevelopmentClientSecret);
            services.Identities.GrantManagementAccess(EmulatorDefaults.DevelopmentObjectId);
            if (settings.IdentitiesFile is { } file)
            {
                IdentitiesFileReader.Load(file, services.Identities);
            }

            return services;
        }
        catch
        {
            services.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Certificate.Dispose();
        SigningKey.Dispose();
    }
}
