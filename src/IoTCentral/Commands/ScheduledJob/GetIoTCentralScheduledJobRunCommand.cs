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

        /// <summary>At most this many items per response page (the preview's maxpagesize); paging continues until the list ends.</summary>
        [Parameter]
        [ValidateRange(1, 100)]
        public int? MaxPageSize { get; set; }

        protected override string ResourceKind => "ScheduledJob";

        protected override void ProcessItem()
        {
            var id = Id;
            var maxPageSize = MaxPageSize;
            WriteAllPages((c, link, ct) => c.ScheduledJobs.ListJobsAsync(id, maxPageSize, link, ct), id);
        }
    }
}
