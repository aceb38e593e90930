using System.Security.Cryptography.X509Certificates;
using IoTCentral.Emulator.Auth;
using IoTCentral.Emulator.Auth.Identity;
using IoTCentral.Emulator.Hosting;
using IoTCentral.Emulator.Load;
using IoTCentral.Emulator.Management;
using IoTCentral.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace IoTCentral.Emulator;

/// <summary>
/// A running emulator on Kestrel: the application, its token service (a Microsoft Entra stand-in) and its
/// managed-identity endpoint, each on its own loopback listener. Start it with <see cref="StartAsync"/>; dispose it to stop it.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);
    private readonly IReadOnlyList<WebApplication> _hosts;
    private readonly IdentityServices _identity;
    private readonly ManagedApplications _applications;
    private int _disposed;

    private EmulatorServer(IReadOnlyList<WebApplication> hosts, IdentityServices identity, ManagedApplications applications, string adminApiToken)
    {
        _applications = applications;
        ManagementUrl = SlimWebHost.BoundUrl(hosts[3]);
        Load = hosts[0].Services.GetRequiredService<LoadStatistics>();
        _hosts = hosts;
        _identity = identity;
        ApplicationUrl = SlimWebHost.BoundUrl(hosts[0]);
        AuthorityHost = SlimWebHost.BoundUrl(hosts[1]);
        ManagedIdentityEndpoint = new Uri(SlimWebHost.BoundUrl(hosts[2]), ManagedIdentityApp.Path);
        AdminApiToken = adminApiToken;
        TlsCertificate = X509CertificateLoader.LoadCertificate(identity.Certificate.RawData);
    }

    /// <summary>The application URL, e.g. <c>http://127.0.0.1:54321</c>; the REST API lives under <c>{ApplicationUrl}/api/</c>.</summary>
    public Uri ApplicationUrl { get; }

    /// <summary>
    /// The management endpoint (Azure Resource Manager stand-in), e.g. <c>https://127.0.0.1:54324/</c>: it creates, updates
    /// and deletes applications, each a data-plane application of its own on its own loopback port.
    /// </summary>
    public Uri ManagementUrl { get; }

    /// <summary>The one subscription of the management endpoint (<see cref="EmulatorDefaults.DevelopmentSubscriptionId"/>).</summary>
    public string SubscriptionId => EmulatorDefaults.DevelopmentSubscriptionId;

    /// <summary>The well-known development admin API token (<see cref="EmulatorDefaults.DevelopmentAdminApiToken"/>).</summary>
    public string AdminApiToken { get; }

    /// <summary>
    /// The emulator's self-signed TLS certificate (public part only; SAN 127.0.0.1, ::1, localhost), served by the token
    /// service and, with <see cref="EmulatorOptions.Https"/>, by the application. Clients trust it by comparing it with
    /// the server's certificate, or by importing it (<c>--export-cert</c>).
    /// </summary>
    public X509Certificate2 TlsCertificate { get; }

    /// <summary>The token service's authority host, e.g. <c>https://127.0.0.1:54322/</c>: Azure.Identity's <c>AuthorityHost</c>.</summary>
    public Uri AuthorityHost { get; }

    /// <summary>The managed-identity endpoint, e.g. <c>http://127.0.0.1:54323/msi/token</c>: the value for <c>IDENTITY_ENDPOINT</c>.</summary>
    public Uri ManagedIdentityEndpoint { get; }

    /// <summary>The secret the managed-identity endpoint expects in <c>X-IDENTITY-HEADER</c>: the value for <c>IDENTITY_HEADER</c>.</summary>
    public string ManagedIdentityHeader => _identity.ManagedIdentityHeader;

    /// <summary>Counts of API requests and of what the rate limit and injected faults did to them.</summary>
    public LoadStatistics Load { get; }

    /// <summary>The directory of Microsoft Entra identities that can sign in (service principals, users, managed identities).</summary>
    public EmulatorIdentities Identity => _identity.Identities;

    /// <summary>Starts an emulator and returns once it is listening.</summary>
    public static async Task<EmulatorServer> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var identity = IdentityServices.Create(options);
        var hosts = new List<WebApplication>();
        var applications = new ManagedApplications(options, identity);
        try
        {
            if (options.ManagementOperationPolls < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(options), options.ManagementOperationPolls, "ManagementOperationPolls cannot be negative.");
            }

            hosts.Add(EmulatorApp.Build(options, identity));
            hosts.Add(AuthorityApp.Build(options.AuthorityUrls, identity));
            hosts.Add(ManagedIdentityApp.Build(options.ManagedIdentityUrls, identity));
            hosts.Add(ManagementApp.Build(options, identity, applications, () => SlimWebHost.BoundUrl(hosts[1])));
            foreach (var host in hosts)
            {
                await host.StartAsync(cancellationToken);
            }

            var application = hosts[0].Services.GetRequiredService<StateStore>().Read(s => s.Application);
            return new EmulatorServer(hosts, identity, applications, DevelopmentApplication.AdminTokenValue(application));
        }
        catch
        {
            await applications.DisposeAsync();
            await DisposeAllAsync(hosts, identity);
            throw;
        }
    }

    /// <summary>Stops the servers and releases their ports.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(StopTimeout);
        try
        {
            await _applications.DisposeAsync();
            await Task.WhenAll(_hosts.Select(h => h.StopAsync(timeout.Token)));
        }
        finally
        {
            await DisposeAllAsync(_hosts, _identity);
            TlsCertificate.Dispose();
        }
    }

    private static async Task DisposeAllAsync(IEnumerable<WebApplication> hosts, IdentityServices identity)
    {
        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }

        identity.Dispose();
    }
}
