using System.Management.Automation;
using IoTCentral.Validation;

namespace IoTCentral.Infrastructure
{
    /// <summary>
    /// A cmdlet about one device: -DeviceId binds from the pipeline by property name, also as Id, so
    /// Get-IoTCentralDevice output pipes straight in. Service failures are reported as IoTCentral.Device*.
    /// </summary>
    public abstract class DeviceCmdlet : IoTCentralCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateDeviceId]
        public string DeviceId { get; set; } = string.Empty;

        protected override string ResourceKind => "Device";
    }
}
