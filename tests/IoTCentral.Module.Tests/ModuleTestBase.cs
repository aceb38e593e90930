using System.Collections;

namespace IoTCentral.Module.Tests;

/// <summary>A runspace with the module imported and signed in to this class's emulator as administrator.</summary>
public abstract class ModuleTestBase : IClassFixture<EmulatorFixture>, IDisposable
{
    protected ModuleTestBase(EmulatorFixture emulator)
    {
        Emulator = emulator;
        Shell = new PowerShellHost();
        Connect().AssertNoErrors();
    }

    protected EmulatorFixture Emulator { get; }

    protected PowerShellHost Shell { get; }

    protected Hashtable AdminVariables => new() { ["url"] = Emulator.ApplicationUrl, ["adminToken"] = Secrets.Protect(Emulator.Server.AdminApiToken) };

    protected PowerShellResult Connect() =>
        Shell.Run("Connect-IoTCentral -ApplicationUrl $url -ApiToken $adminToken", AdminVariables);

    /// <summary>Runs a script with the given variables set.</summary>
    protected PowerShellResult RunWith(string script, params (string Name, object Value)[] variables)
    {
        var table = new Hashtable();
        foreach (var (name, value) in variables)
        {
            table[name] = value;
        }

        return Shell.Run(script, table);
    }

    /// <summary>True when a request reached the service: the engine logs each answer as "METHOD url -> status" on -Verbose.</summary>
    protected static bool SentAnyRequest(PowerShellResult result) => result.Verbose.Any(v => v.Contains("/api/", StringComparison.Ordinal) && v.Contains(" -> ", StringComparison.Ordinal));

    protected static string UniqueId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..10];

    public void Dispose() => Shell.Dispose();
}
