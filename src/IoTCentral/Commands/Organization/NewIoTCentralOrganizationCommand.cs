using System.Management.Automation;
using IoTCentral.Validation;

namespace IoTCentral.Commands.Organization
{
    /// <summary>Creates an organization, top-level or under -Parent.</summary>
    [Cmdlet(VerbsCommon.New, "IoTCentralOrganization", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Models.Organization))]
    public sealed class NewIoTCentralOrganizationCommand : IoTCentralCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("OrganizationId")]
        [ValidateOrganizationId]
        public string Id { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? DisplayName { get; set; }

        // Empty means top-level, so that a CSV row with an empty Parent cell creates a top-level organization.
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        [ValidateOrganizationId(AllowEmpty = true)]
        public string? Parent { get; set; }

        protected override string ResourceKind => "Organization";

        // A piped organization only supplies values, so -Session may name another application: that is how to copy a tree.
        protected override bool ActsOnPipedObjects => false;

        protected override void ProcessItem()
        {
            var parent = string.IsNullOrEmpty(Parent) ? null : Parent;
            var organization = new Models.Organization { Id = Id, DisplayName = DisplayName, Parent = parent };
            var action = parent == null ? "Create" : "Create under '" + parent + "'";
            if (ShouldProcess("organization '" + Id + "'", action)
                && TryCall((c, ct) => c.Organizations.CreateAsync(organization, ct), Id, out var created))
            {
                WriteObject(created);
            }
        }
    }
}
