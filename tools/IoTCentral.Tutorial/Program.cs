using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net;
using System.Reflection;
using IoTCentral.Emulator;

// Usage: dotnet run --project tools/IoTCentral.Tutorial [-- [--script PATH] [--application-url URL]]
// With --application-url the administrator API token is read from the IOTCENTRAL_API_TOKEN environment
// variable (never from the command line, where it would land in shell history and process listings).
var repoRoot = Assembly.GetExecutingAssembly().GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;
var script = Path.Combine(repoRoot, "docs", "examples", "tutorial-tokens-and-devices.ps1");
string? applicationUrl = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--script" when i + 1 < args.Length:
            script = Path.GetFullPath(args[++i]);
            break;
        case "--application-url" when i + 1 < args.Length:
            applicationUrl = args[++i];
            break;
        default:
            Console.Error.WriteLine("usage: IoTCentral.Tutorial [--script PATH] [--application-url URL]");
            return 2;
    }
}

string? token;
EmulatorServer? emulator = null;
if (applicationUrl == null)
{
    emulator = await EmulatorServer.StartAsync(new EmulatorOptions());
    applicationUrl = emulator.ApplicationUrl.ToString().TrimEnd('/');
    token = emulator.AdminApiToken;
    Console.WriteLine($"No application given: using the IoT Central emulator at {applicationUrl}");
}
else
{
    token = Environment.GetEnvironmentVariable("IOTCENTRAL_API_TOKEN");
    if (string.IsNullOrEmpty(token))
    {
        Console.Error.WriteLine("Set IOTCENTRAL_API_TOKEN to an administrator API token for " + applicationUrl);
        return 2;
    }
}

try
{
    var manifest = Path.Combine(repoRoot, "out", "IoTCentral", "IoTCentral.psd1");
    using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
    runspace.Open();
    using var shell = PowerShell.Create();
    shell.Runspace = runspace;
    shell.AddScript($"Import-Module '{manifest}' -ErrorAction Stop; & '{script}' -ApplicationUrl $args[0] -ApiToken $args[1]")
        .AddArgument(applicationUrl)
        .AddArgument(new NetworkCredential(string.Empty, token).SecurePassword);
    Console.WriteLine($"Running {Path.GetRelativePath(repoRoot, script)}");
    var output = shell.Invoke();
    foreach (var warning in shell.Streams.Warning)
    {
        Console.WriteLine("WARNING: " + warning.Message);
    }

    foreach (var item in output)
    {
        foreach (var property in item.Properties)
        {
            var value = property.Value is object[] list ? string.Join(", ", list) : property.Value;
            Console.WriteLine($"  {property.Name,-16} {value}");
        }
    }

    foreach (var error in shell.Streams.Error)
    {
        Console.Error.WriteLine($"ERROR {error.FullyQualifiedErrorId}: {error}");
    }

    return shell.HadErrors ? 1 : 0;
}
catch (RuntimeException exception)
{
    Console.Error.WriteLine($"ERROR {exception.ErrorRecord?.FullyQualifiedErrorId}: {exception.Message}");
    return 1;
}
finally
{
    if (emulator != null)
    {
        await emulator.DisposeAsync();
    }
}
