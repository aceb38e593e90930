using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IoTCentral.Emulator.Hosting;

/// <summary>
/// The one way the emulator builds its web hosts (the application, the token service, the managed-identity
/// endpoint): Kestrel without the default host's configuration sources, routing only, warnings-only logging.
/// </summary>
internal static class SlimWebHost
{
    /// <param name="httpsCertificate">The certificate for https URLs; null when the host serves http only.</param>
    public static WebApplicationBuilder CreateBuilder(X509Certificate2? httpsCertificate)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SlimWebHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.WebHost.UseKestrelCore();
        if (httpsCertificate is not null)
        {
            // The slim Kestrel leaves https out unless asked for.
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = httpsCertificate));
        }

        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<IHostLifetime, NoopHostLifetime>();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        return builder;
    }

    /// <summary>Replaces the host's URLs with <paramref name="urls"/> (separated by ';').</summary>
    public static void Listen(WebApplication app, string urls)
    {
        app.Urls.Clear();
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            app.Urls.Add(url);
        }
    }

    /// <summary>The URLs with <c>http://</c> turned into <c>https://</c> (same host and port), for <see cref="EmulatorOptions.Https"/>.</summary>
    public static string WithHttps(string urls) =>
        string.Join(';', urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(url => url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? "https://" + url["http://".Length..] : url));

    /// <summary>The first address a started host listens on, as a URL a client can call (wildcards become loopback).</summary>
    public static Uri BoundUrl(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("The emulator is not listening on any address.");
        var uri = new Uri(address.Replace("://+:", "://localhost:").Replace("://*:", "://localhost:"));
        var host = uri.Host is "0.0.0.0" ? "127.0.0.1" : uri.Host is "[::]" or "::" ? "[::1]" : uri.Host;
        return new UriBuilder(uri.Scheme, host, uri.Port).Uri;
    }
}
