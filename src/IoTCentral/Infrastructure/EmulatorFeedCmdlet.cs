using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine;
using IoTCentral.Models;

namespace IoTCentral.Infrastructure
{
    /// <summary>
    /// A cmdlet that sends data as a device through the IoT Central emulator's device feed. The engine reads the
    /// device's key and signs each request itself, so no key or signature reaches the cmdlet or any stream. A real
    /// application has no feed: that is refused before anything is sent.
    /// </summary>
    public abstract class EmulatorFeedCmdlet : DeviceLevelCmdlet
    {
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNull]
        public object Value { get; set; } = null!;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The error id for a -Value that names nothing or is not an object.</summary>
        protected abstract string InvalidValueErrorId { get; }

        /// <summary>What is sent, for -WhatIf: "Send telemetry", "Report properties".</summary>
        protected abstract string Action { get; }

        /// <summary>The engine call that sends <paramref name="values"/> at the level as the device.</summary>
        protected abstract Task Send(EmulatorFeedOperations feed, string deviceId, string? module, string? component, IDictionary values, CancellationToken ct);

        /// <summary>The -PassThru object, with what the command added (timestamp, acknowledgement).</summary>
        protected abstract EmulatorDeviceMessage Describe(EmulatorDeviceMessage message);

        protected sealed override void ProcessItem()
        {
            IDictionary values;
            try
            {
                values = JsonInput.ToObject(Value, "-Value");
            }
            catch (ArgumentException exception)
            {
                WriteArgumentError(InvalidValueErrorId, exception.Message, Value);
                return;
            }

            if (values.Count == 0)
            {
                WriteArgumentError(InvalidValueErrorId, "-Value names nothing to send; give at least one capability and its value, such as @{ temperature = 21.5 }.", Value);
                return;
            }

            var (id, module, component) = (DeviceId, LevelModule, LevelComponent);
            var names = string.Join(", ", values.Keys.Cast<object>());
            if (TrySendAsDevice(LevelDescription, Action + " " + names, (feed, device, ct) => Send(feed, device, module, component, values, ct)) && PassThru.IsPresent)
            {
                WriteObject(Describe(new EmulatorDeviceMessage { DeviceId = id, Module = module, Component = component, Values = values }));
            }
        }
    }
}
