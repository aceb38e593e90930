using System;

namespace IoTCentral.Models
{
    /// <summary>A device group: the devices its query filter selects, for jobs, dashboards and access.</summary>
    public sealed class DeviceGroup : IoTCentralObject
    {
        public DeviceGroup()
        {
        }

        public DeviceGroup(Uri? applicationUrl)
            : base(applicationUrl)
        {
        }

        public string Id { get; set; } = string.Empty;

        public string? DisplayName { get; set; }

        /// <summary>The query that selects the members, e.g. SELECT * FROM devices WHERE $simulated = true.</summary>
        public string? Filter { get; set; }

        public string? Description { get; set; }

        public string[] Organizations { get; set; } = Array.Empty<string>();

        public string? ETag { get; set; }

        public override string ToString() => Id;
    }
}
