using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Models;

namespace IoTCentral.Commands.Emulator
{
    /// <summary>
    /// Connects a device to the IoT Central emulator's device feed, as a device connecting to IoT Hub: it becomes
    /// provisioned and connected (a deviceConnectivity export message) until it disconnects.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "IoTCentralEmulatorDevice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(EmulatorDeviceMessage))]
    public sealed class ConnectIoTCentralEmulatorDeviceCommand : EmulatorConnectionCmdlet
    {
        protected override bool Connects => true;
    }
}
