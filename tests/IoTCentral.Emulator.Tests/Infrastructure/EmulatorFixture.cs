using System.Net;

namespace IoTCentral.Emulator.Tests.Infrastructure;

/// <summary>An in-process emulator on a loopback port with an admin client; disposing it stops the server.</summary>
public sealed class TestEmulator : IAsyncDisposable
{
    private readonly HttpClient _http;

    private TestEmulator(EmulatorServer server)
    {
        Server = server;
        _http = new HttpClient(EmulatorTls.TrustingHandler(server)) { BaseAddress = server.ApplicationUrl, Timeout = TimeSpan.FromSeconds(30) };
        Admin = new ApiClient(_http, server.AdminApiToken);
    }

    public EmulatorServer Server { get; }

    /// <summary>The raw client, for requests <see cref="ApiClient"/> cannot shape (bytes that are not valid text).</summary>
    public HttpClient Http => _http;

    /// <summary>A client authenticated with the development admin token.</summary>
    public ApiClient Admin { get; }

    public static async Task<TestEmulator> StartAsync(EmulatorOptions? options = null) =>
        new(await EmulatorServer.StartAsync(options ?? new EmulatorOptions()));

    /// <summary>Creates an API token with the given role ids and returns a client that uses it.</summary>
    public async Task<ApiClient> CreateTokenClientAsync(string tokenId, params string[] roleIds) =>
        Admin.WithToken(await CreateTokenAsync(tokenId, roleIds));

    /// <summary>Creates an API token with the given role ids and returns its value.</summary>
    public async Task<string> CreateTokenAsync(string tokenId, params string[] roleIds)
    {
        var created = await Admin.PutAsync(ApiClient.Api($"/apiTokens/{tokenId}"), new { roles = roleIds.Select(r => new { role = r }).ToArray() });
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        return created.Json.GetProperty("token").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>One emulator per test class (xunit class fixture), on a free port, stopped after the class.</summary>
public class EmulatorFixture : IAsyncLifetime
{
    public TestEmulator Emulator { get; private set; } = null!;

    public ApiClient Admin => Emulator.Admin;

    public EmulatorServer Server => Emulator.Server;

    /// <summary>The options the fixture's emulator starts with.</summary>
    protected virtual EmulatorOptions Options => new();

    public async Task InitializeAsync() => Emulator = await TestEmulator.StartAsync(Options);

    public async Task DisposeAsync()
    {
        if (Emulator is not null)
        {
            await Emulator.DisposeAsync();
        }
    }
}

/// <summary>A class fixture whose emulator serves the application over https (for Azure.Identity clients).</summary>
public sealed class HttpsEmulatorFixture : EmulatorFixture
{
    protected override EmulatorOptions Options => new() { Https = true };
}
