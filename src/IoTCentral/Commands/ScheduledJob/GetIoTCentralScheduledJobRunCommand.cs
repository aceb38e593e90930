using System.Management.Automation;
using IoTCentral.Models;
using IoTCentral.Validation;

namespace IoTCentral.Commands.ScheduledJob
{
    /// <summary>The jobs a scheduled job has produced so far, one per occurrence that ran, streamed page by page.</summary>
    [Cmdlet(VerbsCommon.Get, "IoTCentralScheduledJobRun")]
    [OutputType(typeof(Models.Job))]
    public sealed class GetIoTCentralScheduledJobRunCommand : IoTCentralCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ScheduledJobId")]
        [ValidateGroupId]
        public string Id { get; set; } = string.Empty;

        protected override string ResourceKind => "ScheduledJob";

        protected override void ProcessItem()
        {
            var id = Id;
            WriteAllPages((c, link, ct) => c.ScheduledJobs.ListJobsAsync(id, link, ct), id);
        }
    }
}
