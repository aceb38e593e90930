using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using IoTCentral.Infrastructure;
using IoTCentral.Models;
using IoTCentral.Validation;

namespace IoTCentral.Commands.EnrollmentGroup
{
    /// <summary>
    /// Changes an enrollment group with a JSON merge-patch of exactly the parameters given (name, device type,
    /// enabled, or one symmetric key to rotate); -ETag makes the change conditional on the group being unchanged.
    /// CA certificates change with Set-IoTCentralEnrollmentGroupCertificate.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "IoTCentralEnrollmentGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Models.EnrollmentGroup), typeof(PlainTextEnrollmentGroup))]
    public sealed class SetIoTCentralEnrollmentGroupCommand : IoTCentralCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("EnrollmentGroupId")]
        [ValidateEnrollmentGroupId]
        public string Id { get; set; } = string.Empty;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DisplayName { get; set; }

        [Parameter]
        [ValidateSet("Iot", "IotEdge", IgnoreCase = true)]
        public string? Type { get; set; }

        [Parameter]
        [BooleanTransformation]
        public bool Enabled { get; set; }

        [Parameter]
        [ValidateNotNull]
        public SecureString? PrimaryKey { get; set; }

        [Parameter]
        [ValidateNotNull]
        public SecureString? SecondaryKey { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ETag { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        [Parameter]
        public SwitchParameter AsPlainText { get; set; }

        protected override string ResourceKind => "EnrollmentGroup";

        protected override void BeginProcessing()
        {
            if (!IsBound(nameof(DisplayName)) && !IsBound(nameof(Type)) && !IsBound(nameof(Enabled)) && PrimaryKey == null && SecondaryKey == null)
            {
                ThrowArgumentError(ErrorIds.NoChanges, "Specify at least one change: -DisplayName, -Type, -Enabled, -PrimaryKey or -SecondaryKey.", null);
            }

            foreach (var (name, value) in new[] { (nameof(PrimaryKey), PrimaryKey), (nameof(SecondaryKey), SecondaryKey) })
            {
                if (value != null && !NewIoTCentralEnrollmentGroupCommand.IsKey(SecureStrings.ToPlainText(value) ?? string.Empty))
                {
                    ThrowArgumentError(ErrorIds.InvalidKey, "-" + name + " must be base64 of 16 to 64 bytes.", null);
                }
            }

            base.BeginProcessing();
        }

        protected override void ProcessItem()
        {
            var id = Id;
            var changes = new Dictionary<string, object?>();
            PatchIfBound(changes, nameof(DisplayName), "displayName", () => DisplayName);
            PatchIfBound(changes, nameof(Type), "type", () => EnrollmentGroupView.DeviceType(Type!));
            PatchIfBound(changes, nameof(Enabled), "enabled", () => Enabled);
            var keys = new Dictionary<string, object?>();
            PatchIfBound(keys, nameof(PrimaryKey), "primaryKey", () => SecureStrings.ToPlainText(PrimaryKey));
            PatchIfBound(keys, nameof(SecondaryKey), "secondaryKey", () => SecureStrings.ToPlainText(SecondaryKey));
            if (keys.Count > 0)
            {
                changes["attestation"] = new Dictionary<string, object?> { ["symmetricKey"] = keys };
            }

            // The action names what changes, never a key's value.
            var action = "Update " + string.Join(", ", changes.Keys) + (keys.Count > 0 ? " (" + string.Join(", ", keys.Keys) + ")" : string.Empty);
            PatchIfBound(changes, nameof(ETag), "etag", () => ETag);
            if (ShouldProcess("enrollment group '" + id + "'", action)
                && TryCall((c, ct) => c.EnrollmentGroups.UpdateAsync(id, changes, ct), id, out var updated)
                && PassThru.IsPresent)
            {
                WriteObject(EnrollmentGroupView.Output(updated, AsPlainText.IsPresent));
            }
        }
    }
}
