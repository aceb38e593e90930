using System;
using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Models;
using IoTCentral.Validation;

namespace IoTCentral.Commands.Command
{
    /// <summary>
    /// Runs a command on a device and returns the device's answer. A command acts on the device, so it supports
    /// -WhatIf, and a failed attempt is never repeated unless -AllowRetry says the command is safe to run twice.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "IoTCentralCommand", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DeviceCommandResult))]
    public sealed class InvokeIoTCentralCommandCommand : DeviceLevelCmdlet
    {
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateDtdlName]
        public string Name { get; set; } = string.Empty;

        /// <summary>The command's payload: a hashtable, an object, a scalar, or JSON text.</summary>
        [Parameter(Position = 2)]
        [AllowNull]
        public object? Request { get; set; }

        /// <summary>Seconds to wait for a disconnected device to come online (the spec's range, 0 to 30).</summary>
        [Parameter]
        [ValidateRange(0, 30)]
        public int ConnectionTimeout { get; set; }

        /// <summary>Seconds to wait for the device to answer (the spec's range, 5 to 30).</summary>
        [Parameter]
        [ValidateRange(5, 30)]
        public int ResponseTimeout { get; set; }

        [Parameter]
        public SwitchParameter AllowRetry { get; set; }

        /// <summary>How many requests may run at once (the session's pace still applies); 1 sends one at a time.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;

        protected override int ThrottleLimitValue => ThrottleLimit;

        protected override string ProgressActivity => "Running commands";

        protected override void ProcessItem()
        {
            if (!TryReadJsonArgument(nameof(Request), Request, ErrorIds.InvalidCommandRequest, out var hasRequest, out var request))
            {
                return;
            }

            var (id, module, component, name, allowRetry) = (DeviceId, LevelModule, LevelComponent, Name, AllowRetry.IsPresent);
            int? connectionTimeout = IsBound(nameof(ConnectionTimeout)) ? ConnectionTimeout : (int?)null;
            int? responseTimeout = IsBound(nameof(ResponseTimeout)) ? ResponseTimeout : (int?)null;
            if (ShouldProcess(LevelDescription, "Run command " + name))
            {
                Submit(
                    (c, ct) => c.DeviceCommands.RunAsync(id, module, component, name, hasRequest, request, connectionTimeout, responseTimeout, allowRetry, ct),
                    id,
                    result => WriteObject(CommandResultView.ForPowerShell(result)));
            }
        }
    }
}
