using System.Management.Automation;
using IoTCentral.Models;
using IoTCentral.Validation;

namespace IoTCentral.Commands.Job
{
    /// <summary>Lists the application's jobs, streaming page by page, or gets one by id.</summary>
    [Cmdlet(VerbsCommon.Get, "IoTCentralJob", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Models.Job))]
    public sealed class GetIoTCentralJobCommand : IoTCentralCmdlet
    {
        public const string ListSet = "List";
        public const string ByIdSet = "ById";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("JobId")]
        [ValidateGroupId]
        public string Id { get; set; } = string.Empty;

        /// <summary>At most this many items per response page (the preview's maxpagesize); paging continues until the list ends.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 100)]
        public int? MaxPageSize { get; set; }

        protected override string ResourceKind => "Job";

        protected override void ProcessItem()
        {
            if (ParameterSetName == ByIdSet)
            {
                var id = Id;
                WriteOne((c, ct) => c.Jobs.GetAsync(id, ct), id);

                return;
            }

            var maxPageSize = MaxPageSize;
            WriteAllPages((c, link, ct) => c.Jobs.ListAsync(maxPageSize, link, ct), null);
        }
    }
}
