using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using IoTCentral.Emulator;

namespace IoTCentral.Module.Tests;

/// <summary>
/// An emulator over https with its Microsoft Entra stand-in, and the identities the sign-in tests use: each is
/// registered in the emulator's directory and added as a user of the application with a role.
/// </summary>
public sealed class EntraEmulator : IAsyncDisposable
{
    public const string TenantId = "6a1f0c55-0000-4000-8000-0000000000a1";
    public const string AdministratorRole = BuiltInRoles.Administrator;
    public const string OperatorRole = BuiltInRoles.Operator;

    private EntraEmulator(EmulatorServer server) => Server = server;

    public EmulatorServer Server { get; }

    public string ApplicationUrl => Server.ApplicationUrl.ToString().TrimEnd('/');

    public static async Task<EntraEmulator> StartAsync(TimeSpan? tokenLifetime = null, TimeProvider? clock = null)
    {
        var options = new EmulatorOptions { Https = true, AccessTokenLifetime = tokenLifetime ?? TimeSpan.FromHours(1) };
        if (clock != null)
        {
            options.Clock = clock;
        }

        return new EntraEmulator(await EmulatorServer.StartAsync(options));
    }

    /// <summary>A service principal with a client secret, as a user of the application with <paramref name="role"/>.</summary>
    public async Task<(string ClientId, string Secret)> AddServicePrincipalWithSecretAsync(string role)
    {
        var clientId = Guid.NewGuid().ToString();
        var objectId = Guid.NewGuid().ToString();
        var secret = "secret-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        Server.Identity.RegisterServicePrincipal(TenantId, clientId, objectId, clientSecret: secret);
        await AddUserAsync(new { type = "servicePrincipal", tenantId = TenantId, objectId, roles = new[] { new { role } } });
        return (clientId, secret);
    }

    /// <summary>A service principal that signs in with a new self-signed certificate (returned with its private key).</summary>
    public async Task<(string ClientId, X509Certificate2 Certificate)> AddServicePrincipalWithCertificateAsync(string role)
    {
        var clientId = Guid.NewGuid().ToString();
        var objectId = Guid.NewGuid().ToString();
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=iotcentral-test-sp", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null, X509KeyStorageFlags.Exportable);
        Server.Identity.RegisterServicePrincipal(TenantId, clientId, objectId, certificate: certificate);
        await AddUserAsync(new { type = "servicePrincipal", tenantId = TenantId, objectId, roles = new[] { new { role } } });
        return (clientId, certificate);
    }

    public async Task<(string ClientId, string ObjectId)> AddManagedIdentityAsync(bool systemAssigned, string role)
    {
        var clientId = Guid.NewGuid().ToString();
        var objectId = Guid.NewGuid().ToString();
        Server.Identity.RegisterManagedIdentity(clientId, objectId, systemAssigned, tenantId: TenantId);
        await AddUserAsync(new { type = "servicePrincipal", tenantId = TenantId, objectId, roles = new[] { new { role } } });
        return (clientId, objectId);
    }

    public async Task<string> AddEmailUserAsync(string role)
    {
        var upn = "user-" + Guid.NewGuid().ToString("N")[..8] + "@contoso.example";
        Server.Identity.RegisterUser(TenantId, Guid.NewGuid().ToString(), upn);
        await AddUserAsync(new { type = "email", email = upn, roles = new[] { new { role } } });
        return upn;
    }

    /// <summary>A bearer token from the token service's client-credentials grant, as a script would get one elsewhere.</summary>
    public async Task<string> GetAccessTokenAsync(string clientId, string secret)
    {
        using var http = NewHttpClient();
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = "https://apps.azureiotcentral.com/.default",
        });
        using var response = await http.PostAsync(new Uri(Server.AuthorityHost, TenantId + "/oauth2/v2.0/token"), form);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private async Task AddUserAsync(object body)
    {
        using var http = NewHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{ApplicationUrl}/api/users/{Guid.NewGuid():N}?api-version=2022-07-31")
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", Server.AdminApiToken);
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, "adding the user failed: " + await response.Content.ReadAsStringAsync());
    }

    private HttpClient NewHttpClient()
    {
        var trusted = Server.TlsCertificate.Thumbprint;
        return new HttpClient(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == trusted,
        });
    }
}
