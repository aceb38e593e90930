using System.Management.Automation;
using IoTCentral.Validation;

namespace IoTCentral.Commands.Job
{
    /// <summary>Stops a running job before its next batch; its pending devices stay pending until Resume-IoTCentralJob.</summary>
    [Cmdlet(VerbsLifecycle.Stop, "IoTCentralJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Models.Job))]
    public sealed class StopIoTCentralJobCommand : IoTCentralCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("JobId")]
        [ValidateGroupId]
        public string Id { get; set; } = string.Empty;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override string ResourceKind => "Job";

        protected override void ProcessItem()
        {
            var id = Id;
            if (ShouldProcess("job '" + id + "'", "Stop")
                && TryCall((c, ct) => c.Jobs.StopAsync(id, ct), id)
                && PassThru.IsPresent
                && TryCall((c, ct) => c.Jobs.GetAsync(id, ct), id, out var job))
            {
                WriteObject(job);
            }
        }
    }
}
