using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Models;
using IoTCentral.Validation;

namespace IoTCentral.Commands.DeviceRelationship
{
    /// <summary>Lists a device's relationships, streaming page by page, or gets one by -Name.</summary>
    [Cmdlet(VerbsCommon.Get, "IoTCentralDeviceRelationship")]
    [OutputType(typeof(Models.DeviceRelationship))]
    public sealed class GetIoTCentralDeviceRelationshipCommand : DeviceRelationshipCmdlet
    {
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("RelationshipId")]
        [ValidateRelationshipId]
        public string? Name { get; set; }

        /// <summary>At most this many relationships per response page (the preview's maxpagesize); only for the list.</summary>
        [Parameter]
        [ValidateRange(1, 100)]
        public int? MaxPageSize { get; set; }

        protected override void ProcessItem()
        {
            var deviceId = DeviceId;
            var name = Name;
            var maxPageSize = MaxPageSize;
            if (!string.IsNullOrEmpty(name))
            {
                // -Name may arrive from the pipeline, so this is checked per item rather than by a parameter set.
                if (maxPageSize != null)
                {
                    WriteError(new ErrorRecord(
                        new System.ArgumentException("-MaxPageSize pages the list of relationships; leave it out when getting one by -Name."),
                        ErrorIds.MaxPageSizeNeedsList,
                        ErrorCategory.InvalidArgument,
                        name));
                    return;
                }

                if (TryCall((c, ct) => c.Devices.GetRelationshipAsync(deviceId, name!, ct), name, out var relationship))
                {
                    WriteObject(relationship);
                }

                return;
            }

            WriteAllPages((c, link, ct) => c.Devices.ListRelationshipsAsync(deviceId, maxPageSize, link, ct), deviceId);
        }
    }
}
