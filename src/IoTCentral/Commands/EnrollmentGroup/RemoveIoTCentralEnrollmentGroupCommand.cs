using System.Management.Automation;
using IoTCentral.Validation;

namespace IoTCentral.Commands.EnrollmentGroup
{
    /// <summary>Deletes an enrollment group; devices that already connected through it stay.</summary>
    [Cmdlet(VerbsCommon.Remove, "IoTCentralEnrollmentGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveIoTCentralEnrollmentGroupCommand : IoTCentralCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("EnrollmentGroupId")]
        [ValidateEnrollmentGroupId]
        public string Id { get; set; } = string.Empty;

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override string ResourceKind => "EnrollmentGroup";

        protected override void ProcessItem()
        {
            var id = Id;
            if (ShouldRemove(Force.IsPresent, "enrollment group '" + id + "'", "Remove"))
            {
                TryCall((c, ct) => c.EnrollmentGroups.RemoveAsync(id, ct), id);
            }
        }
    }
}
