using System.Management.Automation;
using IoTCentral.Models;
using IoTCentral.Validation;

namespace IoTCentral.Commands.DeviceGroup
{
    /// <summary>Lists the application's device groups, streaming page by page, or gets one by id.</summary>
    [Cmdlet(VerbsCommon.Get, "IoTCentralDeviceGroup", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Models.DeviceGroup))]
    public sealed class GetIoTCentralDeviceGroupCommand : IoTCentralCmdlet
    {
        public const string ListSet = "List";
        public const string ByIdSet = "ById";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("DeviceGroupId", "Group")]
        [ValidateGroupId]
        public string Id { get; set; } = string.Empty;

        /// <summary>The preview's server-side filter expression (for example "displayName eq 'Thermostat'").</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? Filter { get; set; }

        /// <summary>The preview's server-side order (for example "displayName desc").</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? OrderBy { get; set; }

        /// <summary>At most this many items per response page (the preview's maxpagesize); paging continues until the list ends.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 100)]
        public int? MaxPageSize { get; set; }

        protected override string ResourceKind => "DeviceGroup";

        protected override void ProcessItem()
        {
            if (ParameterSetName == ByIdSet)
            {
                var id = Id;
                WriteOne((c, ct) => c.DeviceGroups.GetAsync(id, ct), id);

                return;
            }

            string? filter = Filter, orderBy = OrderBy;
            var maxPageSize = MaxPageSize;
            WriteAllPages((c, link, ct) => c.DeviceGroups.ListAsync(new Engine.ListOptions(filter, orderBy, maxPageSize), link, ct), filter);
        }
    }
}
