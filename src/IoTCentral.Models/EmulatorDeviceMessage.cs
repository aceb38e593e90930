using System;
using System.Collections;

namespace IoTCentral.Models
{
    /// <summary>
    /// What was sent as a device through the IoT Central emulator's device feed: telemetry, reported properties or a connection change,
    /// with the level they belong to. The device's key and signature are not part of it.
    /// </summary>
    public sealed class EmulatorDeviceMessage : IoTCentralObject
    {
        public EmulatorDeviceMessage()
        {
        }

        public EmulatorDeviceMessage(Uri? applicationUrl)
            : base(applicationUrl)
        {
        }

        public string DeviceId { get; set; } = string.Empty;

        /// <summary>"Telemetry", "Property", or "Connect" / "Disconnect" (which carry no values).</summary>
        public string Kind { get; set; } = string.Empty;

        public string? Module { get; set; }

        public string? Component { get; set; }

        /// <summary>The capability names and values sent.</summary>
        public IDictionary? Values { get; set; }

        /// <summary>The telemetry's timestamp as given; null when the emulator stamped it (and for properties).</summary>
        public DateTimeOffset? Timestamp { get; set; }

        /// <summary>For properties: the acknowledgement code given, or null for the emulator's default (200).</summary>
        public int? AckCode { get; set; }

        /// <summary>For properties: the acknowledgement description given, or null for the emulator's default ("completed").</summary>
        public string? AckDescription { get; set; }

        public override string ToString() => DeviceId;
    }
}
