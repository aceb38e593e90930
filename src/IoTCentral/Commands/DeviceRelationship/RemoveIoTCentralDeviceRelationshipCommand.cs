using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Validation;

namespace IoTCentral.Commands.DeviceRelationship
{
    /// <summary>Deletes a relationship; the devices themselves stay.</summary>
    [Cmdlet(VerbsCommon.Remove, "IoTCentralDeviceRelationship", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveIoTCentralDeviceRelationshipCommand : DeviceRelationshipCmdlet
    {
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("RelationshipId")]
        [ValidateRelationshipId]
        public string Name { get; set; } = string.Empty;

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessItem()
        {
            var deviceId = DeviceId;
            var name = Name;
            if (ShouldRemove(Force.IsPresent, Describe(deviceId, name), "Remove"))
            {
                TryCall((c, ct) => c.Devices.RemoveRelationshipAsync(deviceId, name, ct), name);
            }
        }
    }
}
