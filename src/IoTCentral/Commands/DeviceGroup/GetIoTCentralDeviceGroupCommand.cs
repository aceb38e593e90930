using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Models;
using IoTCentral.Validation;

namespace IoTCentral.Commands.DeviceGroup
{
    /// <summary>Lists the application's device groups, streaming page by page, or gets one by id.</summary>
    [Cmdlet(VerbsCommon.Get, "IoTCentralDeviceGroup", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Models.DeviceGroup))]
    public sealed class GetIoTCentralDeviceGroupCommand : ListQueryCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("DeviceGroupId", "Group")]
        [ValidateGroupId]
        public string Id { get; set; } = string.Empty;

        protected override string ResourceKind => "DeviceGroup";

        protected override void ProcessItem()
        {
            if (ParameterSetName == ByIdSet)
            {
                var id = Id;
                WriteOne((c, ct) => c.DeviceGroups.GetAsync(id, ct), id);

                return;
            }

            var options = ListOptions();
            WriteAllPages((c, link, ct) => c.DeviceGroups.ListAsync(options, link, ct), Filter);
        }
    }
}
