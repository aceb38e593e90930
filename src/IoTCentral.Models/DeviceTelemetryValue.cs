using System;

namespace IoTCentral.Models
{
    /// <summary>The last known value of one telemetry of a device.</summary>
    public sealed class DeviceTelemetryValue : IoTCentralObject
    {
        public DeviceTelemetryValue()
        {
        }

        public DeviceTelemetryValue(Uri? applicationUrl)
            : base(applicationUrl)
        {
        }

        public string DeviceId { get; set; } = string.Empty;

        public string? Module { get; set; }

        public string? Component { get; set; }

        public string Name { get; set; } = string.Empty;

        /// <summary>The value: a number, string or boolean, or an object (e.g. a vector with x, y and z).</summary>
        public object? Value { get; set; }

        /// <summary>When the device sent it; null when the device has sent no value yet.</summary>
        public DateTimeOffset? Timestamp { get; set; }
    }
}
