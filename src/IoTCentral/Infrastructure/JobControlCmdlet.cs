using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine;
using IoTCentral.Validation;

namespace IoTCentral.Infrastructure
{
    /// <summary>
    /// Stop- and Resume-IoTCentralJob: the same shape (a job id from the pipeline, ShouldProcess, the job again with
    /// -PassThru), differing only in the action the service is asked for.
    /// </summary>
    public abstract class JobControlCmdlet : IoTCentralCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("JobId")]
        [ValidateGroupId]
        public string Id { get; set; } = string.Empty;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override string ResourceKind => "Job";

        /// <summary>The verb ShouldProcess shows ("Stop", "Resume").</summary>
        protected abstract string Action { get; }

        protected abstract Task SendAsync(IoTCentralClient client, string id, CancellationToken cancellationToken);

        protected override void ProcessItem()
        {
            var id = Id;
            if (ShouldProcess("job '" + id + "'", Action)
                && TryCall((c, ct) => SendAsync(c, id, ct), id)
                && PassThru.IsPresent
                && TryCall((c, ct) => c.Jobs.GetAsync(id, ct), id, out var job))
            {
                WriteObject(job);
            }
        }
    }
}
