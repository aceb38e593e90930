using System;
using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Models;

namespace IoTCentral.Commands.Emulator
{
    /// <summary>
    /// Makes a non-simulated device answer a command through the IoT Central emulator's device feed, from now on,
    /// with the response code and payload given, so scripts that run commands can be tested without a device.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Register, "IoTCentralEmulatorCommandResponse", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(EmulatorCommandResponse))]
    public sealed class RegisterIoTCentralEmulatorCommandResponseCommand : EmulatorCommandResponseCmdlet
    {
        /// <summary>The status the device answers with (the emulator's default: 200).</summary>
        [Parameter]
        public int? ResponseCode { get; set; }

        /// <summary>The payload the device answers with: a hashtable, an object, a scalar, or JSON text.</summary>
        [Parameter(Position = 2)]
        [AllowNull]
        public object? Response { get; set; }

        protected override void ProcessItem()
        {
            if (!TryReadJsonArgument(nameof(Response), Response, ErrorIds.InvalidCommandResponse, out var hasResponse, out var response))
            {
                return;
            }

            var code = ResponseCode;
            Change(
                "Answer command",
                new EmulatorCommandResponse { Registered = true, ResponseCode = code, Response = response },
                (feed, device, module, component, name, ct) => feed.SetCommandResponseAsync(device, module, component, name, code, hasResponse, response, ct));
        }
    }
}
