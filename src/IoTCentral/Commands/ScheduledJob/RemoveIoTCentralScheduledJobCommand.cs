using System.Management.Automation;
using IoTCentral.Validation;

namespace IoTCentral.Commands.ScheduledJob
{
    /// <summary>Deletes a scheduled job; the jobs it already produced stay.</summary>
    [Cmdlet(VerbsCommon.Remove, "IoTCentralScheduledJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveIoTCentralScheduledJobCommand : IoTCentralCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ScheduledJobId")]
        [ValidateGroupId]
        public string Id { get; set; } = string.Empty;

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override string ResourceKind => "ScheduledJob";

        protected override void ProcessItem()
        {
            var id = Id;
            if (ShouldRemove(Force.IsPresent, "scheduled job '" + id + "'", "Remove"))
            {
                TryCall((c, ct) => c.ScheduledJobs.RemoveAsync(id, ct), id);
            }
        }
    }
}
