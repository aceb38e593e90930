using System.Management.Automation;
using IoTCentral.Completion;
using IoTCentral.Validation;

namespace IoTCentral.Infrastructure
{
    /// <summary>
    /// A cmdlet about one device: -DeviceId binds from the pipeline by property name, also as Id, so
    /// Get-IoTCentralDevice output pipes straight in, and device ids pipe in as plain strings. Service failures are reported as IoTCentral.Device*.
    /// </summary>
    public abstract partial class DeviceCmdlet : IoTCentralCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ArgumentCompleter(typeof(DeviceIdCompleter))]
        [ValidateDeviceId]
        public string DeviceId { get; set; } = string.Empty;

        protected override string ResourceKind => "Device";
    }
}
