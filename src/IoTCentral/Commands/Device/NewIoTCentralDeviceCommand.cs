using System.Management.Automation;
using IoTCentral.Validation;

namespace IoTCentral.Commands.Device
{
    /// <summary>Registers a device; it can connect once it provisions with the credentials.</summary>
    [Cmdlet(VerbsCommon.New, "IoTCentralDevice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Models.Device))]
    public sealed class NewIoTCentralDeviceCommand : IoTCentralCmdlet
    {
        private bool displayNameGiven;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("DeviceId")]
        [ValidateDeviceId]
        public string Id { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? DisplayName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [TemplateTransformation]
        [ValidateTemplateId]
        public string? Template { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [BooleanTransformation]
        public SwitchParameter Simulated { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [BooleanTransformation]
        public bool Enabled { get; set; } = true;

        [Parameter]
        [OrganizationTransformation]
        [ValidateNotNullOrEmpty]
        public string? Organization { get; set; }

        /// <summary>How many requests may run at once (the session's pace still applies); 1 sends one at a time.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;

        protected override int ThrottleLimitValue => ThrottleLimit;

        protected override string ResourceKind => "Device";

        protected override string ProgressActivity => "Creating devices";

        // A piped object only supplies values, so -Session may name another application: that is how to copy.
        protected override bool ActsOnPipedObjects => false;

        protected override void BeginProcessing()
        {
            displayNameGiven = IsBound(nameof(DisplayName));
        }

        protected override void ProcessItem()
        {
            var device = new Models.Device
            {
                Id = Id,

                // A piped template's display name names the template, not the new device.
                DisplayName = PipedObject is Models.DeviceTemplate && !displayNameGiven ? null : DisplayName,
                // A piped template (with -Id naming the device) is the template of the new device.
                Template = Template ?? (PipedObject as Models.DeviceTemplate)?.Id,
                Simulated = Simulated.IsPresent,
                Enabled = Enabled,
                Organizations = Organization == null ? new string[0] : new[] { Organization },
            };

            var action = device.Template == null ? "Create" : "Create from template " + device.Template;
            if (ShouldProcess("device '" + Id + "'", action))
            {
                Submit((c, ct) => c.Devices.CreateAsync(device, ct), Id, created => WriteObject(created));
            }
        }
    }
}
