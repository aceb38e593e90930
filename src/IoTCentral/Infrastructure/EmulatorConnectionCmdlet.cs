using System.Management.Automation;
using IoTCentral.Models;

namespace IoTCentral.Infrastructure
{
    /// <summary>
    /// A cmdlet that connects or disconnects a device to the IoT Central emulator's device feed, which stands in for
    /// its IoT Hub connection; each change is a deviceConnectivity export message.
    /// </summary>
    public abstract class EmulatorConnectionCmdlet : DeviceCmdlet
    {
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Whether the cmdlet connects the device (else it disconnects it).</summary>
        protected abstract bool Connects { get; }

        protected sealed override void ProcessItem()
        {
            var connects = Connects;
            var sent = TrySendAsDevice(
                "device '" + DeviceId + "'",
                connects ? "Connect to the emulator's device feed" : "Disconnect from the emulator's device feed",
                (feed, device, ct) => connects ? feed.ConnectAsync(device, ct) : feed.DisconnectAsync(device, ct));
            if (sent && PassThru.IsPresent)
            {
                WriteObject(new EmulatorDeviceMessage { DeviceId = DeviceId, Kind = connects ? "Connect" : "Disconnect" });
            }
        }
    }
}
