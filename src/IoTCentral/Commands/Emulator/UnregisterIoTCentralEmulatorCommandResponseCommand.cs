using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Models;

namespace IoTCentral.Commands.Emulator
{
    /// <summary>
    /// Makes a device stop answering a command it answered through the IoT Central emulator's device feed; running
    /// the command then fails as for a device that does not respond. Unregistering one it never answered does nothing.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Unregister, "IoTCentralEmulatorCommandResponse", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(EmulatorCommandResponse))]
    public sealed class UnregisterIoTCentralEmulatorCommandResponseCommand : EmulatorCommandResponseCmdlet
    {
        protected override void ProcessItem() =>
            Change(
                "Stop answering command",
                new EmulatorCommandResponse { Registered = false },
                (feed, device, module, component, name, ct) => feed.RemoveCommandResponseAsync(device, module, component, name, ct));
    }
}
