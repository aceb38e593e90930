using System.Management.Automation;
using IoTCentral.Completion;
using IoTCentral.Validation;

namespace IoTCentral.Commands.Device
{
    /// <summary>Deletes a device and its data.</summary>
    [Cmdlet(VerbsCommon.Remove, "IoTCentralDevice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveIoTCentralDeviceCommand : IoTCentralCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("DeviceId")]
        [ArgumentCompleter(typeof(DeviceIdCompleter))]
        [ValidateDeviceId]
        public string Id { get; set; } = string.Empty;

        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>How many requests may run at once (the session's pace still applies); 1 sends one at a time.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;

        protected override int ThrottleLimitValue => ThrottleLimit;

        protected override string ResourceKind => "Device";

        protected override string ProgressActivity => "Removing devices";

        protected override void ProcessItem()
        {
            var id = Id;
            if (ShouldRemove(Force.IsPresent, "device '" + id + "'", "Remove"))
            {
                Submit((c, ct) => c.Devices.RemoveAsync(id, ct), id);
            }
        }
    }
}
