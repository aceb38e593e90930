using System;
using System.Collections.Specialized;
using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Validation;

namespace IoTCentral.Commands.DeviceTemplate
{
    /// <summary>
    /// Changes a published template with a JSON merge patch of exactly the parameters given. The service accepts
    /// changes to the display name, description, cloud properties and overrides, not to device capabilities.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "IoTCentralDeviceTemplate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Models.DeviceTemplate))]
    public sealed class SetIoTCentralDeviceTemplateCommand : IoTCentralCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("TemplateId")]
        [ValidateTemplateId]
        public string Id { get; set; } = string.Empty;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DisplayName { get; set; }

        [Parameter]
        public string? Description { get; set; }

        /// <summary>A partial capability model merged into the template's (cloud properties, overrides).</summary>
        [Parameter]
        [ValidateNotNull]
        public object? CapabilityModel { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override string ResourceKind => "DeviceTemplate";

        protected override void BeginProcessing()
        {
            if (!IsBound(nameof(DisplayName)) && !IsBound(nameof(Description)) && !IsBound(nameof(CapabilityModel)))
            {
                ThrowArgumentError(ErrorIds.NoChanges, "Specify at least one change: -DisplayName, -Description or -CapabilityModel.", null);
            }
        }

        protected override void ProcessItem()
        {
            var id = Id;
            OrderedDictionary changes;
            try
            {
                changes = Changes();
            }
            catch (ArgumentException exception)
            {
                WriteArgumentError(ErrorIds.InvalidDeviceTemplate, exception.Message, CapabilityModel);
                return;
            }

            if (ShouldProcess("device template '" + id + "'", "Update " + string.Join(", ", Keys(changes)))
                && TryCall((c, ct) => c.DeviceTemplates.UpdateAsync(id, changes, ct), id, out var updated)
                && PassThru.IsPresent)
            {
                WriteObject(DeviceTemplateView.ForPowerShell(updated));
            }
        }

        private OrderedDictionary Changes()
        {
            var changes = new OrderedDictionary(StringComparer.Ordinal);
            PatchIfBound(changes, nameof(DisplayName), "displayName", () => DisplayName);
            PatchIfBound(changes, nameof(Description), "description", () => Description);
            PatchIfBound(changes, nameof(CapabilityModel), "capabilityModel", () => JsonInput.ToObject(CapabilityModel, "-CapabilityModel"));
            return changes;
        }

        private static string[] Keys(OrderedDictionary changes)
        {
            var keys = new string[changes.Count];
            changes.Keys.CopyTo(keys, 0);
            return keys;
        }
    }
}
