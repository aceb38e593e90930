using System.Collections.Generic;
using System.Management.Automation;
using IoTCentral.Completion;
using IoTCentral.Infrastructure;
using IoTCentral.Validation;

namespace IoTCentral.Commands.DeviceRelationship
{
    /// <summary>Points a relationship at another target device with a JSON merge-patch.</summary>
    [Cmdlet(VerbsCommon.Set, "IoTCentralDeviceRelationship", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Models.DeviceRelationship))]
    public sealed class SetIoTCentralDeviceRelationshipCommand : DeviceRelationshipCmdlet
    {
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("RelationshipId")]
        [ValidateRelationshipId]
        public string Name { get; set; } = string.Empty;

        // Not from the pipeline: a piped relationship would otherwise set its own target back.
        [Parameter(Mandatory = true)]
        [ArgumentCompleter(typeof(DeviceIdCompleter))]
        [ValidateDeviceId]
        public string Target { get; set; } = string.Empty;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessItem()
        {
            var deviceId = DeviceId;
            var name = Name;
            if (string.Equals(deviceId, Target, System.StringComparison.Ordinal))
            {
                WriteArgumentError(ErrorIds.InvalidRelationship, "A device cannot be in a relationship with itself.", Target);
                return;
            }

            var changes = new Dictionary<string, object?> { ["target"] = Target };
            if (ShouldProcess(Describe(deviceId, name), "Set target to '" + Target + "'")
                && TryCall((c, ct) => c.Devices.UpdateRelationshipAsync(deviceId, name, changes, ct), name, out var updated)
                && PassThru.IsPresent)
            {
                WriteObject(updated);
            }
        }
    }
}
