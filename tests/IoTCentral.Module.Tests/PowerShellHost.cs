using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Management.Automation.Runspaces;

namespace IoTCentral.Module.Tests;

/// <summary>
/// A PowerShell 7 runspace with the built module imported, as a user's session would have it. One host is
/// one runspace, so the module's per-runspace default session carries from one script to the next.
/// </summary>
public sealed class PowerShellHost : IDisposable
{
    private readonly Runspace runspace;

    public PowerShellHost(bool importModule = true, PSHost? host = null)
    {
        Assert.True(File.Exists(TestPaths.ModuleManifest), "The module is not built: " + TestPaths.ModuleManifest);
        var state = InitialSessionState.CreateDefault2();
        state.Commands.Add(new SessionStateCmdletEntry("Select-First", typeof(SelectFirstCommand), null));
        runspace = host == null ? RunspaceFactory.CreateRunspace(state) : RunspaceFactory.CreateRunspace(host, state);
        runspace.Open();
        if (importModule)
        {
            Run($"Import-Module '{TestPaths.ModuleManifest}' -ErrorAction Stop").AssertNoErrors();
        }
    }

    public Runspace Runspace => runspace;

    public PowerShellResult Run(string script, IDictionary? variables = null, Action<string>? onWarning = null)
    {
        using var shell = PowerShell.Create();
        if (onWarning != null)
        {
            // Lets a test react while the script still runs (for example, answer a device-code prompt).
            shell.Streams.Warning.DataAdded += (_, e) => onWarning(shell.Streams.Warning[e.Index].Message);
        }

        shell.Runspace = runspace;
        if (variables != null)
        {
            foreach (DictionaryEntry entry in variables)
            {
                runspace.SessionStateProxy.SetVariable((string)entry.Key, entry.Value);
            }
        }

        shell.AddScript(script);
        Exception? terminating = null;
        var output = new List<PSObject>();
        try
        {
            output.AddRange(shell.Invoke());
        }
        catch (RuntimeException exception)
        {
            terminating = exception;
        }

        return new PowerShellResult(output, shell.Streams, terminating);
    }

    public void Dispose() => runspace.Dispose();
}
