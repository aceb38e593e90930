using System.Management.Automation;
using System.Reflection;

namespace IoTCentral.Module.Tests;

/// <summary>
/// Stands in for Select-Object -First, which the NuGet PowerShell engine lacks: after N items it stops the
/// upstream commands the same way, so tests can show that paging stops too.
/// </summary>
[Cmdlet(VerbsCommon.Select, "First")]
public sealed class SelectFirstCommand : PSCmdlet
{
    private int seen;

    [Parameter(Mandatory = true, Position = 0)]
    public int Count { get; set; }

    [Parameter(ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    protected override void ProcessRecord()
    {
        WriteObject(InputObject);
        seen++;
        if (seen >= Count)
        {
            // The engine keeps this exception type internal; it is what Select-Object -First throws.
            var stop = typeof(PSCmdlet).Assembly.GetType("System.Management.Automation.StopUpstreamCommandsException", throwOnError: true)!;
            throw (Exception)Activator.CreateInstance(stop, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, null, new object[] { this }, null)!;
        }
    }
}
