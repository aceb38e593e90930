using System.Management.Automation;
using IoTCentral.Validation;

namespace IoTCentral.Commands.DeviceGroup
{
    /// <summary>Deletes a device group; its devices stay (a group only selects them).</summary>
    [Cmdlet(VerbsCommon.Remove, "IoTCentralDeviceGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveIoTCentralDeviceGroupCommand : IoTCentralCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("DeviceGroupId")]
        [ValidateGroupId]
        public string Id { get; set; } = string.Empty;

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override string ResourceKind => "DeviceGroup";

        protected override void ProcessItem()
        {
            var id = Id;
            if (ShouldRemove(Force.IsPresent, "device group '" + id + "'", "Remove"))
            {
                TryCall((c, ct) => c.DeviceGroups.RemoveAsync(id, ct), id);
            }
        }
    }
}
