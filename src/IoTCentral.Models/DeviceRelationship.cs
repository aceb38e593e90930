using System;

namespace IoTCentral.Models
{
    /// <summary>A relationship from a source (parent, such as a gateway) device to a target (child) device.</summary>
    public sealed class DeviceRelationship : IoTCentralObject
    {
        public DeviceRelationship()
        {
        }

        public DeviceRelationship(Uri? applicationUrl)
            : base(applicationUrl)
        {
        }

        /// <summary>
        /// The relationship's id (<c>id</c> in the REST API), unique among the source device's relationships. Named
        /// Name so that a piped relationship binds -Name and -DeviceId without clashing with a device's Id.
        /// </summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>The id of the source (parent) device: the device the relationship belongs to.</summary>
        public string DeviceId { get; set; } = string.Empty;

        /// <summary>The id of the target (child) device.</summary>
        public string Target { get; set; } = string.Empty;

        public override string ToString() => Name;
    }
}
