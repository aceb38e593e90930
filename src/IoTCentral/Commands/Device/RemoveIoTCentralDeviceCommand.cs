using System.Management.Automation;
using IoTCentral.Completion;
using IoTCentral.Infrastructure;
using IoTCentral.Validation;

namespace IoTCentral.Commands.Device
{
    /// <summary>Deletes a device and its data.</summary>
    [Cmdlet(VerbsCommon.Remove, "IoTCentralDevice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveIoTCentralDeviceCommand : BulkRemoveCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("DeviceId")]
        [ArgumentCompleter(typeof(DeviceIdCompleter))]
        [ValidateDeviceId]
        public string Id { get; set; } = string.Empty;

        protected override string ResourceKind => "Device";

        protected override string ProgressActivity => "Removing devices";

        protected override void ProcessItem()
        {
            var id = Id;
            SubmitRemoval("device '" + id + "'", id, (c, ct) => c.Devices.RemoveAsync(id, ct));
        }
    }
}
