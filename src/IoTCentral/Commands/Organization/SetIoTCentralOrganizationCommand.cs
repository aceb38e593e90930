using System.Collections.Generic;
using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Validation;

namespace IoTCentral.Commands.Organization
{
    /// <summary>Renames or moves an organization with a JSON merge-patch; -Parent $null (or '') makes it top-level.</summary>
    [Cmdlet(VerbsCommon.Set, "IoTCentralOrganization", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Models.Organization))]
    public sealed class SetIoTCentralOrganizationCommand : IoTCentralCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("OrganizationId")]
        [ValidateOrganizationId]
        public string Id { get; set; } = string.Empty;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DisplayName { get; set; }

        [Parameter]
        [AllowNull]
        [AllowEmptyString]
        [ValidateOrganizationId(AllowEmpty = true)]
        public string? Parent { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override string ResourceKind => "Organization";

        protected override void BeginProcessing()
        {
            if (!IsBound(nameof(DisplayName)) && !IsBound(nameof(Parent)))
            {
                ThrowArgumentError(ErrorIds.NoChanges, "Specify at least one change: -DisplayName or -Parent.", null);
            }
        }

        protected override void ProcessItem()
        {
            var id = Id;
            var changes = new Dictionary<string, object?>();
            PatchIfBound(changes, nameof(DisplayName), "displayName", () => DisplayName);
            PatchIfBound(changes, nameof(Parent), "parent", () => string.IsNullOrEmpty(Parent) ? null : Parent);
            if (string.Equals(id, Parent, System.StringComparison.Ordinal))
            {
                WriteArgumentError(ErrorIds.InvalidParent, "An organization cannot be its own parent.", id);
                return;
            }

            SendPatch("organization '" + id + "'", id, changes, null, PassThru.IsPresent, (c, ct) => c.Organizations.UpdateAsync(id, changes, ct));
        }
    }
}
