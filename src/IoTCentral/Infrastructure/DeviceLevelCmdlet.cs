using System.Management.Automation;
using IoTCentral.Validation;

namespace IoTCentral.Infrastructure
{
    /// <summary>
    /// A cmdlet that works at one level of a device: the device itself, a -Component, a -Module, or a component
    /// of a module. The engine builds the path from the same three values, so every such cmdlet takes them alike.
    /// </summary>
    public abstract class DeviceLevelCmdlet : DeviceCmdlet
    {
        [Parameter]
        [ValidateDtdlName]
        public string? Component { get; set; }

        [Parameter]
        [ValidateModuleName]
        public string? Module { get; set; }

        /// <summary>
        /// The module to act in: -Module, else that of a piped component or the piped module itself, so that
        /// Get-IoTCentralDeviceModule | Get-IoTCentralDeviceProperty reads each module's properties.
        /// </summary>
        protected string? LevelModule => Module ?? (PipedObject as Models.DeviceComponent)?.Module ?? (PipedObject as Models.DeviceModule)?.Name;

        /// <summary>The component to act in: -Component, else the piped component.</summary>
        protected string? LevelComponent => Component ?? (PipedObject as Models.DeviceComponent)?.Name;

        /// <summary>The level in words, for -WhatIf and messages: "component 'c' of module 'm' of device 'd'".</summary>
        protected string LevelDescription
        {
            get
            {
                var text = "device '" + DeviceId + "'";
                if (!string.IsNullOrEmpty(LevelModule))
                {
                    text = "module '" + LevelModule + "' of " + text;
                }

                if (!string.IsNullOrEmpty(LevelComponent))
                {
                    text = "component '" + LevelComponent + "' of " + text;
                }

                return text;
            }
        }
    }
}
