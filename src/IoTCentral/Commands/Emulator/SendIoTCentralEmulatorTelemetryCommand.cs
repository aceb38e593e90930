using System;
using System.Collections;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine;
using IoTCentral.Infrastructure;
using IoTCentral.Models;

namespace IoTCentral.Commands.Emulator
{
    /// <summary>
    /// Sends one telemetry message as a device through the IoT Central emulator's device feed, signed with the
    /// device's own key, so offline tests get device data without a device or IoT Hub.
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "IoTCentralEmulatorTelemetry", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(EmulatorDeviceMessage))]
    public sealed class SendIoTCentralEmulatorTelemetryCommand : EmulatorFeedCmdlet
    {
        /// <summary>When the device measured it; without it the emulator's clock stamps the message.</summary>
        [Parameter]
        public DateTimeOffset? Timestamp { get; set; }

        protected override string InvalidValueErrorId => ErrorIds.InvalidTelemetryValue;

        protected override string Action => "Send telemetry";

        protected override Task Send(EmulatorFeedOperations feed, string deviceId, string? module, string? component, IDictionary values, CancellationToken ct) =>
            feed.SendTelemetryAsync(deviceId, module, component, Timestamp, values, ct);

        protected override EmulatorDeviceMessage Describe(EmulatorDeviceMessage message)
        {
            message.Kind = "Telemetry";
            message.Timestamp = Timestamp;
            return message;
        }
    }
}
