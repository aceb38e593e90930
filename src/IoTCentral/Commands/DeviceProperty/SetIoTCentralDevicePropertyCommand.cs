using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Models;

namespace IoTCentral.Commands.DeviceProperty
{
    /// <summary>
    /// Writes properties of a device at one level: a merge (PATCH) of the values given, or with -Replace a PUT of
    /// the whole set. The service answers before the device applies them; -PassThru shows each property's desired
    /// value and acknowledgement state as the service reports it.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "IoTCentralDeviceProperty", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DevicePropertyState))]
    public sealed class SetIoTCentralDevicePropertyCommand : DeviceLevelCmdlet
    {
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNull]
        public object Value { get; set; } = null!;

        [Parameter]
        public SwitchParameter Replace { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>How many requests may run at once (the session's pace still applies); 1 sends one at a time.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;

        protected override int ThrottleLimitValue => ThrottleLimit;

        protected override string ProgressActivity => "Setting device properties";

        protected override void ProcessItem()
        {
            IDictionary values;
            try
            {
                values = JsonInput.ToObject(Value, "-Value");
            }
            catch (ArgumentException exception)
            {
                WriteArgumentError(ErrorIds.InvalidPropertyValue, exception.Message, Value);
                return;
            }

            if (values.Count == 0)
            {
                WriteArgumentError(ErrorIds.InvalidPropertyValue, "-Value names no property; give at least one, such as @{ targetTemperature = 21 }.", Value);
                return;
            }

            var (id, module, component, replace) = (DeviceId, LevelModule, LevelComponent, Replace.IsPresent);
            var names = string.Join(", ", values.Keys.Cast<object>());
            if (!ShouldProcess(LevelDescription, (replace ? "Replace properties with " : "Set properties ") + names))
            {
                return;
            }

            Submit(
                (c, ct) => replace ? c.DeviceProperties.ReplaceAsync(id, module, component, values, ct) : c.DeviceProperties.UpdateAsync(id, module, component, values, ct),
                id,
                PassThru.IsPresent ? WriteStates : (Action<DeviceProperties>?)null);
        }

        private void WriteStates(DeviceProperties answer)
        {
            foreach (var state in answer.AllStates())
            {
                WriteObject(DevicePropertiesView.ForPowerShell(state));
            }
        }
    }
}
