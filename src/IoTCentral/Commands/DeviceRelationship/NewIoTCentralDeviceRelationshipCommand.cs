using System.Management.Automation;
using IoTCentral.Completion;
using IoTCentral.Infrastructure;
using IoTCentral.Validation;

namespace IoTCentral.Commands.DeviceRelationship
{
    /// <summary>Creates a relationship from the source device (-DeviceId) to the -Target device.</summary>
    [Cmdlet(VerbsCommon.New, "IoTCentralDeviceRelationship", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Models.DeviceRelationship))]
    public sealed class NewIoTCentralDeviceRelationshipCommand : DeviceRelationshipCmdlet
    {
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("RelationshipId")]
        [ValidateRelationshipId]
        public string Name { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DeviceIdCompleter))]
        [ValidateDeviceId]
        public string Target { get; set; } = string.Empty;

        protected override void ProcessItem()
        {
            var relationship = new Models.DeviceRelationship { Name = Name, DeviceId = DeviceId, Target = Target };
            if (string.Equals(DeviceId, Target, System.StringComparison.Ordinal))
            {
                WriteArgumentError(ErrorIds.InvalidRelationship, "A device cannot be in a relationship with itself.", Target);
                return;
            }

            if (ShouldProcess(Describe(DeviceId, Name), "Create to '" + Target + "'")
                && TryCall((c, ct) => c.Devices.CreateRelationshipAsync(relationship, ct), Name, out var created))
            {
                WriteObject(created);
            }
        }
    }
}
