using System.Management.Automation;
using IoTCentral.Infrastructure;

namespace IoTCentral.Commands.DeviceProperty
{
    /// <summary>
    /// Reads the properties of a device at one level. The output is one object whose properties are the device's
    /// (see DevicePropertiesView for its shape), so (Get-IoTCentralDeviceProperty d -Component device_info).manufacturer works.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IoTCentralDeviceProperty")]
    [OutputType(typeof(PSObject))]
    public sealed class GetIoTCentralDevicePropertyCommand : DeviceLevelCmdlet
    {
        protected override void ProcessItem()
        {
            var (id, module, component) = (DeviceId, LevelModule, LevelComponent);
            if (TryCall((c, ct) => c.DeviceProperties.GetAsync(id, module, component, ct), id, out var properties))
            {
                WriteObject(DevicePropertiesView.ToPSObject(properties));
            }
        }
    }
}
