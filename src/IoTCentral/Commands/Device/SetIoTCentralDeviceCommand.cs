using System.Collections.Generic;
using System.Management.Automation;
using IoTCentral.Completion;
using IoTCentral.Infrastructure;
using IoTCentral.Validation;

namespace IoTCentral.Commands.Device
{
    /// <summary>Changes a device with a JSON merge-patch of exactly the parameters given.</summary>
    [Cmdlet(VerbsCommon.Set, "IoTCentralDevice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Models.Device))]
    public sealed class SetIoTCentralDeviceCommand : IoTCentralCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("DeviceId")]
        [ArgumentCompleter(typeof(DeviceIdCompleter))]
        [ValidateDeviceId]
        public string Id { get; set; } = string.Empty;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DisplayName { get; set; }

        [Parameter]
        [ValidateTemplateId]
        public string? Template { get; set; }

        [Parameter]
        public bool Simulated { get; set; }

        [Parameter]
        public bool Enabled { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Organization { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override string ResourceKind => "Device";

        protected override void BeginProcessing()
        {
            if (Changes().Count == 0)
            {
                ThrowArgumentError(
                    ErrorIds.NoChanges,
                    "Specify at least one change: -DisplayName, -Template, -Simulated, -Enabled or -Organization.",
                    null);
            }
        }

        protected override void ProcessItem()
        {
            var id = Id;
            var changes = Changes();
            if (ShouldProcess("device '" + id + "'", "Update " + string.Join(", ", changes.Keys))
                && TryCall((c, ct) => c.Devices.UpdateAsync(id, changes, ct), id, out var updated)
                && PassThru.IsPresent)
            {
                WriteObject(updated);
            }
        }

        private Dictionary<string, object?> Changes()
        {
            var changes = new Dictionary<string, object?>();
            PatchIfBound(changes, nameof(DisplayName), "displayName", () => DisplayName);
            PatchIfBound(changes, nameof(Template), "template", () => Template);
            PatchIfBound(changes, nameof(Simulated), "simulated", () => Simulated);
            PatchIfBound(changes, nameof(Enabled), "enabled", () => Enabled);
            PatchIfBound(changes, nameof(Organization), "organizations", () => new[] { Organization });
            return changes;
        }
    }
}
