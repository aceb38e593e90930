using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Models;

namespace IoTCentral.Commands.Emulator
{
    /// <summary>
    /// Disconnects a device from the IoT Central emulator's device feed (a deviceConnectivity export message); the
    /// next thing it sends connects it again.
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "IoTCentralEmulatorDevice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(EmulatorDeviceMessage))]
    public sealed class DisconnectIoTCentralEmulatorDeviceCommand : EmulatorConnectionCmdlet
    {
        protected override bool Connects => false;
    }
}
