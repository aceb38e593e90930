using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine;
using IoTCentral.Infrastructure;

namespace IoTCentral.Commands.Job
{
    /// <summary>Resumes a stopped job: its remaining batches run again.</summary>
    [Cmdlet(VerbsLifecycle.Resume, "IoTCentralJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Models.Job))]
    public sealed class ResumeIoTCentralJobCommand : JobControlCmdlet
    {
        protected override string Action => "Resume";

        protected override Task SendAsync(IoTCentralClient client, string id, CancellationToken cancellationToken) =>
            client.Jobs.ResumeAsync(id, cancellationToken);
    }
}
