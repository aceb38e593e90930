using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Models;
using IoTCentral.Validation;

namespace IoTCentral.Commands.DeviceTelemetry
{
    /// <summary>Gets the last known value of one or more telemetry items of a device, with when it was sent.</summary>
    [Cmdlet(VerbsCommon.Get, "IoTCentralDeviceTelemetry")]
    [OutputType(typeof(DeviceTelemetryValue))]
    public sealed class GetIoTCentralDeviceTelemetryCommand : DeviceLevelCmdlet
    {
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        [ValidateDtdlName]
        public string[] Name { get; set; } = new string[0];

        protected override void ProcessItem()
        {
            var (id, module, component) = (DeviceId, LevelModule, LevelComponent);
            foreach (var name in Name)
            {
                if (TryCall((c, ct) => c.DeviceData.GetTelemetryValueAsync(id, module, component, name, ct), id, out var telemetry))
                {
                    telemetry.Value = PSObjectTree.ToPowerShell(telemetry.Value);
                    WriteObject(telemetry);
                }
            }
        }
    }
}
