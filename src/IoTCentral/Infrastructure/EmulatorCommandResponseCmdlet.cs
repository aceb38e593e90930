using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine;
using IoTCentral.Models;
using IoTCentral.Validation;

namespace IoTCentral.Infrastructure
{
    /// <summary>
    /// A cmdlet that sets how a device answers a command, through the IoT Central emulator's device feed, at the level
    /// of -Component and -Module. Only non-simulated devices use it: a simulated one answers from the template.
    /// </summary>
    public abstract class EmulatorCommandResponseCmdlet : DeviceLevelCmdlet
    {
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateDtdlName]
        public string CommandName { get; set; } = string.Empty;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>
        /// Sends the change as the device and, with -PassThru, writes <paramref name="registration"/> (the level and
        /// command are filled in here).
        /// </summary>
        protected void Change(string action, EmulatorCommandResponse registration, Func<EmulatorFeedOperations, string, string?, string?, string, CancellationToken, Task> send)
        {
            var (module, component, name) = (LevelModule, LevelComponent, CommandName);
            if (TrySendAsDevice(LevelDescription, action + " " + name, (feed, device, ct) => send(feed, device, module, component, name, ct)) && PassThru.IsPresent)
            {
                registration.DeviceId = DeviceId;
                registration.Module = module;
                registration.Component = component;
                registration.CommandName = name;
                WriteObject(registration);
            }
        }
    }
}
