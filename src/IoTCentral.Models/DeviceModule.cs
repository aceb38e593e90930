using System;

namespace IoTCentral.Models
{
    /// <summary>A custom IoT Edge module of a device (the service leaves out $edgeAgent and $edgeHub).</summary>
    public sealed class DeviceModule : IoTCentralObject
    {
        public DeviceModule()
        {
        }

        public DeviceModule(Uri? applicationUrl)
            : base(applicationUrl)
        {
        }

        public string DeviceId { get; set; } = string.Empty;

        public string Name { get; set; } = string.Empty;

        public string? DisplayName { get; set; }

        public string? Description { get; set; }

        public string[] Types { get; set; } = Array.Empty<string>();

        public override string ToString() => Name;
    }
}
