using System;

namespace IoTCentral.Models
{
    /// <summary>A component of a device (or of one of its IoT Edge modules), as the device's template defines it.</summary>
    public sealed class DeviceComponent : IoTCentralObject
    {
        public DeviceComponent()
        {
        }

        public DeviceComponent(Uri? applicationUrl)
            : base(applicationUrl)
        {
        }

        public string DeviceId { get; set; } = string.Empty;

        /// <summary>The IoT Edge module the component belongs to; null for a component of the device itself.</summary>
        public string? Module { get; set; }

        /// <summary>The component name used in paths, queries and property names (e.g. device_info).</summary>
        public string Name { get; set; } = string.Empty;

        public string? DisplayName { get; set; }

        public string? Description { get; set; }

        public string[] Types { get; set; } = Array.Empty<string>();

        public override string ToString() => Name;
    }
}
