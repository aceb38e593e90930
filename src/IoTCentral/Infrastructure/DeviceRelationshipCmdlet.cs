using System.Management.Automation;
using IoTCentral.Completion;
using IoTCentral.Validation;

namespace IoTCentral.Infrastructure
{
    /// <summary>
    /// A cmdlet about relationships of one source device. -DeviceId binds from a piped device (Id) or a piped
    /// relationship (DeviceId); a relationship's id is its Name, so both bind from a piped relationship without
    /// clashing with the device's Id.
    /// </summary>
    public abstract class DeviceRelationshipCmdlet : IoTCentralCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "Source")]
        [ArgumentCompleter(typeof(DeviceIdCompleter))]
        [ValidateDeviceId]
        public string DeviceId { get; set; } = string.Empty;

        protected override string ResourceKind => "DeviceRelationship";

        protected static string Describe(string deviceId, string name) => "relationship '" + name + "' of device '" + deviceId + "'";
    }
}
