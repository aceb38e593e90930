using System.Management.Automation;
using IoTCentral.Validation;

namespace IoTCentral.Commands.Organization
{
    /// <summary>
    /// Deletes an organization. The service refuses while child organizations, devices, users or API tokens still
    /// belong to it (IoTCentral.OrganizationInUse).
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "IoTCentralOrganization", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveIoTCentralOrganizationCommand : IoTCentralCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("OrganizationId")]
        [ValidateOrganizationId]
        public string Id { get; set; } = string.Empty;

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override string ResourceKind => "Organization";

        protected override void ProcessItem()
        {
            var id = Id;
            if (ShouldRemove(Force.IsPresent, "organization '" + id + "'", "Remove"))
            {
                TryCall((c, ct) => c.Organizations.RemoveAsync(id, ct), id);
            }
        }
    }
}
