using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Models;

namespace IoTCentral.Commands.DeviceModule
{
    /// <summary>Lists the custom IoT Edge modules of a device.</summary>
    [Cmdlet(VerbsCommon.Get, "IoTCentralDeviceModule")]
    [OutputType(typeof(Models.DeviceModule))]
    public sealed class GetIoTCentralDeviceModuleCommand : DeviceCmdlet
    {
        protected override void ProcessItem()
        {
            var id = DeviceId;
            WriteAllPages((c, link, ct) => c.DeviceData.ListModulesAsync(id, link, ct), id);
        }
    }
}
