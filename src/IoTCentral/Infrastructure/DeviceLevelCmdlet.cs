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

        /// <summary>The level in words, for -WhatIf and messages: "component 'c' of module 'm' of device 'd'".</summary>
        protected string LevelDescription
        {
            get
            {
                var text = "device '" + DeviceId + "'";
                if (!string.IsNullOrEmpty(Module))
                {
                    text = "module '" + Module + "' of " + text;
                }

                if (!string.IsNullOrEmpty(Component))
                {
                    text = "component '" + Component + "' of " + text;
                }

                return text;
            }
        }
    }
}
