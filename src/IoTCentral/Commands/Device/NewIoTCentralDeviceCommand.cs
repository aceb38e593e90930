using System.Management.Automation;
using IoTCentral.Validation;

namespace IoTCentral.Commands.Device
{
    /// <summary>Registers a device; it can connect once it provisions with the credentials.</summary>
    [Cmdlet(VerbsCommon.New, "IoTCentralDevice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Models.Device))]
    public sealed class NewIoTCentralDeviceCommand : IoTCentralCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("DeviceId")]
        [ValidateDeviceId]
        public string Id { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? DisplayName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateTemplateId]
        public string? Template { get; set; }

        [Parameter]
        public SwitchParameter Simulated { get; set; }

        [Parameter]
        public bool Enabled { get; set; } = true;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Organization { get; set; }

        protected override string ResourceKind => "Device";

        // A piped object only supplies values, so -Session may name another application: that is how to copy.
        protected override bool ActsOnPipedObjects => false;

        protected override void ProcessItem()
        {
            var device = new Models.Device
            {
                Id = Id,
                DisplayName = DisplayName,
                Template = Template,
                Simulated = Simulated.IsPresent,
                Enabled = Enabled,
                Organizations = Organization == null ? new string[0] : new[] { Organization },
            };

            var action = Template == null ? "Create" : "Create from template " + Template;
            if (ShouldProcess("device '" + Id + "'", action)
                && TryCall((c, ct) => c.Devices.CreateAsync(device, ct), Id, out var created))
            {
                WriteObject(created);
            }
        }
    }
}
