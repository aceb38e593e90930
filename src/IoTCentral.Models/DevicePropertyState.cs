using System;

namespace IoTCentral.Models
{
    /// <summary>
    /// One property of a device as the service's "$metadata" describes it: the value it holds, and for a
    /// writable property the value asked for and whether the device has acknowledged it.
    /// </summary>
    public sealed class DevicePropertyState : IoTCentralObject
    {
        public DevicePropertyState()
        {
        }

        public DevicePropertyState(Uri? applicationUrl)
            : base(applicationUrl)
        {
        }

        public string DeviceId { get; set; } = string.Empty;

        public string? Module { get; set; }

        public string? Component { get; set; }

        public string Name { get; set; } = string.Empty;

        /// <summary>The value the application holds now (reported by the device, or a cloud property's value).</summary>
        public object? Value { get; set; }

        /// <summary>The value last written to a writable property, which the device may not have applied yet.</summary>
        public object? DesiredValue { get; set; }

        public long? DesiredVersion { get; set; }

        public long? AckVersion { get; set; }

        /// <summary>The device's answer to the last write, an HTTP-like status (200 = applied).</summary>
        public int? AckCode { get; set; }

        public string? AckDescription { get; set; }

        public DateTimeOffset? LastUpdateTime { get; set; }

        /// <summary>True once the device has acknowledged the latest desired version.</summary>
        public bool Acknowledged => DesiredVersion.HasValue && AckVersion.HasValue && AckVersion.Value >= DesiredVersion.Value;

        public override string ToString() => Component == null ? Name : Component + "." + Name;
    }
}
