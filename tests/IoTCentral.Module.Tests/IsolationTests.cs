using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;

namespace IoTCentral.Module.Tests;

/// <summary>
/// The module must live beside Az.Accounts and Microsoft.Graph, which bring their own Azure.Core and MSAL:
/// only the Engine (in a private load context) may see those.
/// </summary>
public sealed class IsolationTests : IClassFixture<EmulatorFixture>
{
    private static readonly string[] ForbiddenPrefixes = { "Azure.", "Microsoft.Identity.", "System.Text.Json", "System.ClientModel", "System.Memory.Data" };

    private readonly EmulatorFixture emulator;

    public IsolationTests(EmulatorFixture emulator) => this.emulator = emulator;

    [Theory]
    [InlineData("IoTCentral.dll")]
    [InlineData("IoTCentral.Models.dll")]
    public void Default_context_assemblies_reference_no_Azure_MSAL_or_json_type(string file)
    {
        using var stream = File.OpenRead(Path.Combine(Path.GetDirectoryName(TestPaths.ModuleManifest)!, file));
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();

        var assemblies = metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToList();
        Assert.DoesNotContain(assemblies, name => ForbiddenPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)));

        var typeNamespaces = metadata.TypeReferences.Select(h => metadata.GetString(metadata.GetTypeReference(h).Namespace)).Distinct().ToList();
        Assert.DoesNotContain(typeNamespaces, ns => ns.StartsWith("Azure", StringComparison.Ordinal) || ns.StartsWith("System.Text.Json", StringComparison.Ordinal) || ns.StartsWith("Microsoft.Identity", StringComparison.Ordinal));
        Assert.NotEmpty(assemblies);
    }

    [Fact]
    public void The_module_ships_its_dependencies_apart_from_the_default_context_assemblies()
    {
        var root = Path.GetDirectoryName(TestPaths.ModuleManifest)!;
        Assert.True(File.Exists(Path.Combine(root, "dependencies", "IoTCentral.Engine.dll")));
        Assert.True(File.Exists(Path.Combine(root, "dependencies", "Azure.Core.dll")));
        Assert.False(File.Exists(Path.Combine(root, "Azure.Core.dll")));
        Assert.False(File.Exists(Path.Combine(root, "dependencies", "IoTCentral.Models.dll")));
        Assert.True(File.Exists(Path.Combine(root, "en-US", "IoTCentral.dll-Help.xml")));
        Assert.True(File.Exists(Path.Combine(root, "IoTCentral.Format.ps1xml")));
    }

    [Fact]
    public void An_older_Azure_Core_already_in_the_host_does_not_break_the_module()
    {
        Assert.True(File.Exists(TestPaths.OldAzureCore), "missing " + TestPaths.OldAzureCore);
        var old = AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => a.GetName().Name == "Azure.Core")
            ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(TestPaths.OldAzureCore);
        // The emulator runs in this process too; it must load no Azure.Core of its own unless it delivers to Blob Storage.
        Assert.True(old.GetName().Version == new Version(1, 16, 0, 0), $"Azure.Core {old.GetName().Version} from {old.Location} was loaded into the default context before this test, so it cannot set up an older one.");

        using var shell = new PowerShellHost();
        var result = shell.Run(
            "Connect-IoTCentral -ApplicationUrl $url -ApiToken $token | Out-Null; Get-IoTCentralRole -Name Operator",
            new System.Collections.Hashtable { ["url"] = emulator.ApplicationUrl, ["token"] = Secrets.Protect(emulator.Server.AdminApiToken) });
        result.AssertNoErrors();
        Assert.Equal("Operator", Assert.Single(result.Output).Properties["DisplayName"].Value);

        var engineCore = AssemblyLoadContext.All
            .Where(c => c != AssemblyLoadContext.Default)
            .SelectMany(c => c.Assemblies)
            .Single(a => a.GetName().Name == "Azure.Core");
        Assert.True(engineCore.GetName().Version > new Version(1, 16, 0, 0));
        var engine = AssemblyLoadContext.All.SelectMany(c => c.Assemblies).Single(a => a.GetName().Name == "IoTCentral.Engine");
        Assert.Same(AssemblyLoadContext.GetLoadContext(engineCore), AssemblyLoadContext.GetLoadContext(engine));
        var models = AssemblyLoadContext.All.SelectMany(c => c.Assemblies).Where(a => a.GetName().Name == "IoTCentral.Models").ToList();
        Assert.Single(models);
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(models[0]));
    }
}
