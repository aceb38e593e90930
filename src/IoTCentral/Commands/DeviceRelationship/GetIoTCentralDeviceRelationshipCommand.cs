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

        protected override void ProcessItem()
        {
            var deviceId = DeviceId;
            var name = Name;
            if (!string.IsNullOrEmpty(name))
            {
                if (TryCall((c, ct) => c.Devices.GetRelationshipAsync(deviceId, name!, ct), name, out var relationship))
                {
                    WriteObject(relationship);
                }

                return;
            }

            WriteAllPages((c, link, ct) => c.Devices.ListRelationshipsAsync(deviceId, link, ct), deviceId);
        }
    }
}
