using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using IoTCentral.Completion;
using IoTCentral.Infrastructure;
using IoTCentral.Validation;

namespace IoTCentral.Commands.Device
{
    /// <summary>
    /// Changes a device with a JSON merge-patch of exactly the parameters given. Rows of a CSV file (or any objects
    /// with the parameters' names) pipe in as one change each; a piped device of the module's own only names the
    /// device, since its properties are its current state, not changes.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "IoTCentralDevice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Models.Device))]
    public sealed class SetIoTCentralDeviceCommand : IoTCentralCmdlet
    {
        private ICollection<string> commandLine = new HashSet<string>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("DeviceId")]
        [ArgumentCompleter(typeof(DeviceIdCompleter))]
        [ValidateDeviceId]
        public string Id { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        public string? DisplayName { get; set; }

        [Parameter]
        [ValidateTemplateId]
        public string? Template { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [BooleanTransformation]
        public SwitchParameter Simulated { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [BooleanTransformation]
        public bool Enabled { get; set; }

        [Parameter]
        [OrganizationTransformation]
        [ValidateNotNullOrEmpty]
        public string? Organization { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>How many requests may run at once (the session's pace still applies); 1 sends one at a time.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;

        protected override int ThrottleLimitValue => ThrottleLimit;

        protected override string ResourceKind => "Device";

        protected override string ProgressActivity => "Updating devices";

        protected override void BeginProcessing()
        {
            commandLine = new HashSet<string>(MyInvocation.BoundParameters.Keys);
            if (!MyInvocation.ExpectingInput && Changes().Count == 0)
            {
                ThrowArgumentError(ErrorIds.NoChanges, NoChangesMessage, null);
            }
        }

        protected override void ProcessItem()
        {
            var id = Id;
            var changes = Changes();
            if (changes.Count == 0)
            {
                WriteArgumentError(ErrorIds.NoChanges, NoChangesMessage, id);
                return;
            }

            if (ShouldProcess("device '" + id + "'", "Update " + string.Join(", ", changes.Keys)))
            {
                Submit((c, ct) => c.Devices.UpdateAsync(id, changes, ct), id, PassThru.IsPresent ? updated => WriteObject(updated) : (System.Action<Models.Device>?)null);
            }
        }

        private const string NoChangesMessage = "Specify at least one change: -DisplayName, -Template, -Simulated, -Enabled or -Organization.";

        private Dictionary<string, object?> Changes()
        {
            var changes = new Dictionary<string, object?>();
            PatchIfGiven(changes, nameof(DisplayName), "displayName", () => DisplayName);
            PatchIfGiven(changes, nameof(Template), "template", () => Template);
            PatchIfGiven(changes, nameof(Simulated), "simulated", () => Simulated.IsPresent);
            PatchIfGiven(changes, nameof(Enabled), "enabled", () => Enabled);
            PatchIfGiven(changes, nameof(Organization), "organizations", () => new[] { Organization });
            return changes;
        }

        /// <summary>
        /// A value is a change when the command line gives it, or when a piped row does with something in it (an empty
        /// CSV cell leaves the field alone). The values of the module's own piped objects are what the device already
        /// has, so they change nothing.
        /// </summary>
        private void PatchIfGiven(Dictionary<string, object?> changes, string parameter, string field, Func<object?> value)
        {
            if (commandLine.Contains(parameter) || (!(PipedObject is Models.IoTCentralObject) && !string.IsNullOrEmpty(Convert.ToString(value(), CultureInfo.InvariantCulture))))
            {
                PatchIfBound(changes, parameter, field, value);
            }
        }
    }
}
