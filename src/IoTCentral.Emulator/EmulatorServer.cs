using IoTCentral.Emulator.Auth;
using IoTCentral.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace IoTCentral.Emulator;

/// <summary>A running emulator on Kestrel. Start it with <see cref="StartAsync"/>; dispose it to stop it.</summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);
    private readonly WebApplication _app;
    private int _disposed;

    private EmulatorServer(WebApplication app, Uri applicationUrl, string adminApiToken)
    {
        _app = app;
        ApplicationUrl = applicationUrl;
        AdminApiToken = adminApiToken;
    }

    /// <summary>The application URL, e.g. <c>http://127.0.0.1:54321</c>; the REST API lives under <c>{ApplicationUrl}/api/</c>.</summary>
    public Uri ApplicationUrl { get; }

    /// <summary>The well-known development admin API token (<see cref="EmulatorDefaults.DevelopmentAdminApiToken"/>).</summary>
    public string AdminApiToken { get; }

    /// <summary>Starts an emulator and returns once it is listening.</summary>
    public static async Task<EmulatorServer> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default)
    {
        var app = EmulatorApp.Build(options);
        try
        {
            await app.StartAsync(cancellationToken);
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            var address = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("The emulator is not listening on any address.");
            var application = app.Services.GetRequiredService<StateStore>().Read(s => s.Application);
            return new EmulatorServer(app, ToApplicationUrl(address), DevelopmentApplication.AdminTokenValue(application));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the server and releases its port.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(StopTimeout);
            await _app.StopAsync(timeout.Token);
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>Turns a bound address (maybe a wildcard host) into a URL a client can call.</summary>
    private static Uri ToApplicationUrl(string address)
    {
        var uri = new Uri(address.Replace("://+:", "://localhost:").Replace("://*:", "://localhost:"));
        var host = uri.Host is "0.0.0.0" ? "127.0.0.1" : uri.Host is "[::]" or "::" ? "[::1]" : uri.Host;
        return new UriBuilder(uri.Scheme, host, uri.Port).Uri;
    }
}
