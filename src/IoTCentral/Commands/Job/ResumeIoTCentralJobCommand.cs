using System.Management.Automation;
using IoTCentral.Validation;

namespace IoTCentral.Commands.Job
{
    /// <summary>Resumes a stopped job: its remaining batches run again.</summary>
    [Cmdlet(VerbsLifecycle.Resume, "IoTCentralJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Models.Job))]
    public sealed class ResumeIoTCentralJobCommand : IoTCentralCmdlet
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
            if (ShouldProcess("job '" + id + "'", "Resume")
                && TryCall((c, ct) => c.Jobs.ResumeAsync(id, ct), id)
                && PassThru.IsPresent
                && TryCall((c, ct) => c.Jobs.GetAsync(id, ct), id, out var job))
            {
                WriteObject(job);
            }
        }
    }
}
