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
    /// Reports property values as a device through the IoT Central emulator's device feed, signed with the device's
    /// own key. Reporting a writable property acknowledges its pending desired value, as a device does.
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "IoTCentralEmulatorProperty", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(EmulatorDeviceMessage))]
    public sealed class SendIoTCentralEmulatorPropertyCommand : EmulatorFeedCmdlet
    {
        /// <summary>The acknowledgement code for writable properties (the emulator's default: 200).</summary>
        [Parameter]
        public int? AckCode { get; set; }

        /// <summary>The acknowledgement description for writable properties (the emulator's default: "completed").</summary>
        [Parameter]
        public string? AckDescription { get; set; }

        protected override string InvalidValueErrorId => ErrorIds.InvalidPropertyValue;

        protected override string Action => "Report properties";

        protected override Task Send(EmulatorFeedOperations feed, string deviceId, string? module, string? component, IDictionary values, CancellationToken ct) =>
            feed.ReportPropertiesAsync(deviceId, module, component, values, AckCode, AckDescription, ct);

        protected override EmulatorDeviceMessage Describe(EmulatorDeviceMessage message)
        {
            message.Kind = "Property";
            message.AckCode = AckCode;
            message.AckDescription = AckDescription;
            return message;
        }
    }
}
