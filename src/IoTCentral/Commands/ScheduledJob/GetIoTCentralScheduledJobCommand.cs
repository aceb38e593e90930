using System.Management.Automation;
using IoTCentral.Models;
using IoTCentral.Validation;

namespace IoTCentral.Commands.ScheduledJob
{
    /// <summary>Lists the application's scheduled jobs, streaming page by page, or gets one by id.</summary>
    [Cmdlet(VerbsCommon.Get, "IoTCentralScheduledJob", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Models.ScheduledJob))]
    public sealed class GetIoTCentralScheduledJobCommand : IoTCentralCmdlet
    {
        public const string ListSet = "List";
        public const string ByIdSet = "ById";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ScheduledJobId")]
        [ValidateGroupId]
        public string Id { get; set; } = string.Empty;

        /// <summary>At most this many items per response page (the preview's maxpagesize); paging continues until the list ends.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 100)]
        public int? MaxPageSize { get; set; }

        protected override string ResourceKind => "ScheduledJob";

        protected override void ProcessItem()
        {
            if (ParameterSetName == ByIdSet)
            {
                var id = Id;
                WriteOne((c, ct) => c.ScheduledJobs.GetAsync(id, ct), id);

                return;
            }

            var maxPageSize = MaxPageSize;
            WriteAllPages((c, link, ct) => c.ScheduledJobs.ListAsync(maxPageSize, link, ct), null);
        }
    }
}
