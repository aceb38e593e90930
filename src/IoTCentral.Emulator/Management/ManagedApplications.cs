using System.Security.Cryptography;
using IoTCentral.Emulator.Auth.Identity;
using IoTCentral.Emulator.Features.Roles;
using IoTCentral.Emulator.Features.Users;
using IoTCentral.Emulator.Hosting;
using IoTCentral.Emulator.State;
using Microsoft.AspNetCore.Builder;

namespace IoTCentral.Emulator.Management;

/// <summary>
/// The applications created through the management endpoint. Each one is a data-plane application of its own: a
/// separate web host on its own loopback port (https, with the emulator's certificate), with its own state, API
/// tokens and signing key, sharing only the emulator's token service. Names and subdomains are unique across the
/// emulator, as names and subdomains are unique across IoT Central. Kept in memory only.
/// </summary>
internal sealed class ManagedApplications(EmulatorOptions options, IdentityServices identity) : IAsyncDisposable
{
    private readonly SemaphoreSlim _writes = new(1, 1);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (ManagedApplication App, WebApplication Host)> _byName = new(StringComparer.OrdinalIgnoreCase);

    public ManagedApplication? Find(string subscriptionId, string resourceGroup, string name)
    {
        lock (_gate)
        {
            return _byName.TryGetValue(name, out var entry) && Same(entry.App, subscriptionId, resourceGroup) ? entry.App : null;
        }
    }

    public IReadOnlyList<ManagedApplication> List(string subscriptionId, string? resourceGroup)
    {
        lock (_gate)
        {
            return _byName.Values.Select(e => e.App)
                .Where(a => string.Equals(a.SubscriptionId, subscriptionId, StringComparison.OrdinalIgnoreCase)
                    && (resourceGroup is null || string.Equals(a.ResourceGroup, resourceGroup, StringComparison.OrdinalIgnoreCase)))
                .OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
                .ToList();
        }
    }

    public bool IsNameTaken(string name)
    {
        lock (_gate)
        {
            return _byName.ContainsKey(name);
        }
    }

    public bool IsSubdomainTaken(string subdomain, string? exceptName = null)
    {
        lock (_gate)
        {
            return _byName.Values.Any(e => string.Equals(e.App.Subdomain, subdomain, StringComparison.OrdinalIgnoreCase)
                && !string.Equals(e.App.Name, exceptName, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Creates the application (and starts its data plane) or applies a PUT to the existing one; true when created.</summary>
    public async Task<(ManagedApplication App, bool Created)> PutAsync(
        string subscriptionId, string resourceGroup, string name, AppRequest request, EntraPrincipal caller, CancellationToken cancellationToken)
    {
        await _writes.WaitAsync(cancellationToken);
        try
        {
            var existing = Find(subscriptionId, resourceGroup, name);
            if (existing is null)
            {
                return (await CreateAsync(subscriptionId, resourceGroup, name, request, caller, cancellationToken), true);
            }

            if (!string.Equals(existing.Location, request.Location, StringComparison.OrdinalIgnoreCase))
            {
                throw ArmException.BadRequest("LocationNotUpdatable",
                    $"The application '{name}' is in '{existing.Location}'; its location cannot be changed to '{request.Location}'.", "location");
            }

            if (request.Template is not null && !string.Equals(existing.Template, request.Template, StringComparison.OrdinalIgnoreCase))
            {
                throw ArmException.BadRequest("TemplateNotUpdatable", "The template of an application is set when it is created and cannot be changed.", "properties.template");
            }

            return (Replace(existing, Apply(existing, request with { Tags = request.Tags ?? new Dictionary<string, string>() })), false);
        }
        finally
        {
            _writes.Release();
        }
    }

    public async Task<ManagedApplication> PatchAsync(string subscriptionId, string resourceGroup, string name, AppRequest request, CancellationToken cancellationToken)
    {
        await _writes.WaitAsync(cancellationToken);
        try
        {
            var existing = Find(subscriptionId, resourceGroup, name) ?? throw NotFound(resourceGroup, name);
            return Replace(existing, Apply(existing, request));
        }
        finally
        {
            _writes.Release();
        }
    }

    /// <summary>Removes the application and stops its data plane; false when there was none.</summary>
    public async Task<bool> DeleteAsync(string subscriptionId, string resourceGroup, string name, CancellationToken cancellationToken)
    {
        await _writes.WaitAsync(cancellationToken);
        WebApplication host;
        try
        {
            var existing = Find(subscriptionId, resourceGroup, name);
            if (existing is null)
            {
                return false;
            }

            lock (_gate)
            {
                host = _byName[name].Host;
                _byName.Remove(name);
            }
        }
        finally
        {
            _writes.Release();
        }

        await StopAsync(host);
        return true;
    }

    public static ArmException NotFound(string resourceGroup, string name) =>
        ArmException.NotFound("ResourceNotFound",
            $"The Resource '{ArmCatalog.ResourceType}/{name}' under resource group '{resourceGroup}' was not found.");

    public async ValueTask DisposeAsync()
    {
        List<WebApplication> hosts;
        lock (_gate)
        {
            hosts = _byName.Values.Select(e => e.Host).ToList();
            _byName.Clear();
        }

        foreach (var host in hosts)
        {
            await StopAsync(host);
        }
    }

    private async Task<ManagedApplication> CreateAsync(
        string subscriptionId, string resourceGroup, string name, AppRequest request, EntraPrincipal caller, CancellationToken cancellationToken)
    {
        if (IsNameTaken(name))
        {
            throw ArmException.Conflict("NameNotAvailable", $"The application name '{name}' is already in use; application names are unique across IoT Central.", "name");
        }

        var subdomain = request.Subdomain
            ?? throw ArmException.BadRequest("InvalidSubdomain", "properties.subdomain is required to create an application.", "properties.subdomain");
        if (IsSubdomainTaken(subdomain))
        {
            throw ArmException.Conflict("SubdomainNotAvailable", $"The subdomain '{subdomain}' is already in use by another application.", "properties.subdomain");
        }

        var data = new ApplicationRecord(Guid.NewGuid().ToString("D"), "0ne" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)),
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

        // Whoever creates an application administers it, as in IoT Central: here the calling principal becomes its
        // first user, with the Administrator role.
        var seed = new ApplicationSeed(data, [CreatorUser(caller)]);
        var hostOptions = new EmulatorOptions
        {
            Urls = "http://127.0.0.1:0",
            Https = true,
            PageSize = options.PageSize,
            Clock = options.Clock,
        };
        var host = EmulatorApp.Build(hostOptions, identity, seed);
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        var app = new ManagedApplication(subscriptionId, resourceGroup, name, request.Location!, request.Sku!, request.DisplayName ?? name, subdomain,
            request.Template ?? ArmCatalog.CanonicalTemplate(ArmCatalog.DefaultTemplate)!, request.Tags ?? new Dictionary<string, string>(),
            request.SystemAssignedIdentity == true ? NewIdentity(caller) : null, data, SlimWebHost.BoundUrl(host));
        lock (_gate)
        {
            _byName[name] = (app, host);
        }

        return app;
    }

    private ManagedApplication Apply(ManagedApplication existing, AppRequest request)
    {
        if (request.Subdomain is not null && IsSubdomainTaken(request.Subdomain, existing.Name))
        {
            throw ArmException.Conflict("SubdomainNotAvailable", $"The subdomain '{request.Subdomain}' is already in use by another application.", "properties.subdomain");
        }

        return existing with
        {
            Sku = request.Sku ?? existing.Sku,
            DisplayName = request.DisplayName ?? existing.DisplayName,
            Subdomain = request.Subdomain ?? existing.Subdomain,
            Tags = request.Tags ?? existing.Tags,
            Identity = request.SystemAssignedIdentity switch
            {
                true => existing.Identity ?? NewIdentity(null),
                false => null,
                null => existing.Identity,
            },
        };
    }

    private ManagedApplication Replace(ManagedApplication existing, ManagedApplication updated)
    {
        lock (_gate)
        {
            _byName[existing.Name] = (updated, _byName[existing.Name].Host);
        }

        return updated;
    }

    private static ManagedIdentity NewIdentity(EntraPrincipal? caller) =>
        new(Guid.NewGuid().ToString("D"), caller?.TenantId ?? EmulatorIdentities.DefaultTenantId);

    private static UserRecord CreatorUser(EntraPrincipal caller)
    {
        var roles = new[] { new RoleAssignmentRecord(BuiltInRoles.Administrator.Id, null) };
        return caller.IsApplication
            ? new UserRecord(caller.ObjectId, UserTypes.ServicePrincipal, roles, null, caller.TenantId, caller.ObjectId)
            : new UserRecord(caller.ObjectId, UserTypes.Email, roles, caller.UserPrincipalName, null, null);
    }

    private static bool Same(ManagedApplication app, string subscriptionId, string resourceGroup) =>
        string.Equals(app.SubscriptionId, subscriptionId, StringComparison.OrdinalIgnoreCase)
        && string.Equals(app.ResourceGroup, resourceGroup, StringComparison.OrdinalIgnoreCase);

    private static async Task StopAsync(WebApplication host)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await host.StopAsync(timeout.Token);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
