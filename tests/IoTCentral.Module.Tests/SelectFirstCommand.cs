using System.Management.Automation;

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
            throw new StopUpstreamCommandsException(this);
        }
    }
}
