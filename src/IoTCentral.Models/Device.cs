using System;

namespace IoTCentral.Models
{
    /// <summary>A device registered in the application.</summary>
    public sealed class Device : IoTCentralObject
    {
        public Device()
        {
        }

        public Device(Uri? applicationUrl)
            : base(applicationUrl)
        {
        }

        public string Id { get; set; } = string.Empty;

        public string? DisplayName { get; set; }

        /// <summary>The device template id (a DTMI), or null while the device is unassociated.</summary>
        public string? Template { get; set; }

        public bool Enabled { get; set; } = true;

        public bool Provisioned { get; set; }

        public bool Simulated { get; set; }

        public string[] Organizations { get; set; } = Array.Empty<string>();

        public string? ETag { get; set; }

        /// <summary>Derived as the IoT Central UI shows it: Blocked, Unassociated, Provisioned or Registered.</summary>
        public DeviceStatus Status =>
            !Enabled ? DeviceStatus.Blocked
            : string.IsNullOrEmpty(Template) ? DeviceStatus.Unassociated
            : Provisioned ? DeviceStatus.Provisioned
            : DeviceStatus.Registered;

        public override string ToString() => Id;
    }
}
