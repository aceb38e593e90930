using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Models;
using IoTCentral.Validation;

namespace IoTCentral.Commands.DeviceComponent
{
    /// <summary>Lists the components of a device, or of one of its IoT Edge modules, as its template defines them.</summary>
    [Cmdlet(VerbsCommon.Get, "IoTCentralDeviceComponent")]
    [OutputType(typeof(Models.DeviceComponent))]
    public sealed class GetIoTCentralDeviceComponentCommand : DeviceCmdlet
    {
        [Parameter]
        [ValidateModuleName]
        public string? Module { get; set; }

        protected override void ProcessItem()
        {
            var id = DeviceId;
            // A piped module lists its own components (and a piped component its siblings) unless -Module says otherwise.
            var module = Module ?? (PipedObject as Models.DeviceModule)?.Name ?? (PipedObject as Models.DeviceComponent)?.Module;
            WriteAllPages((c, link, ct) => c.DeviceData.ListComponentsAsync(id, module, link, ct), id);
        }
    }
}
