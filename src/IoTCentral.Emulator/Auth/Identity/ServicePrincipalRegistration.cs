using System.Security.Cryptography.X509Certificates;

namespace IoTCentral.Emulator.Auth.Identity;

/// <summary>An app registration the token service knows: it proves itself with a secret and/or a certificate.</summary>
internal sealed record ServicePrincipalRegistration(
    string TenantId, string ClientId, string ObjectId, string? ClientSecret, X509Certificate2? Certificate);
