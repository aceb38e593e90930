using System.Management.Automation;
using IoTCentral.Models;
using IoTCentral.Validation;

namespace IoTCentral.Commands.DeviceGroup
{
    /// <summary>The devices a group's filter selects now, streaming page by page.</summary>
    [Cmdlet(VerbsCommon.Get, "IoTCentralDeviceGroupDevice")]
    [OutputType(typeof(Models.Device))]
    public sealed class GetIoTCentralDeviceGroupDeviceCommand : IoTCentralCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("DeviceGroupId", "Group")]
        [ValidateGroupId]
        public string Id { get; set; } = string.Empty;

        /// <summary>At most this many items per response page (the preview's maxpagesize); paging continues until the list ends.</summary>
        [Parameter]
        [ValidateRange(1, 100)]
        public int? MaxPageSize { get; set; }

        protected override string ResourceKind => "DeviceGroup";

        protected override void ProcessItem()
        {
            var id = Id;
            var maxPageSize = MaxPageSize;
            WriteAllPages((c, link, ct) => c.DeviceGroups.ListDevicesAsync(id, maxPageSize, link, ct), id);
        }
    }
}
