using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine;
using IoTCentral.Infrastructure;

namespace IoTCentral.Commands.Job
{
    /// <summary>Stops a running job before its next batch; its pending devices stay pending until Resume-IoTCentralJob.</summary>
    [Cmdlet(VerbsLifecycle.Stop, "IoTCentralJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Models.Job))]
    public sealed class StopIoTCentralJobCommand : JobControlCmdlet
    {
        protected override string Action => "Stop";

        protected override Task SendAsync(IoTCentralClient client, string id, CancellationToken cancellationToken) =>
            client.Jobs.StopAsync(id, cancellationToken);
    }
}
