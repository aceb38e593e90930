using System;

namespace IoTCentral.Models
{
    /// <summary>An application or organization role.</summary>
    public sealed class Role : IoTCentralObject
    {
        public Role()
        {
        }

        public Role(Uri? applicationUrl)
            : base(applicationUrl)
        {
        }

        public Role(string id, string displayName)
        {
            Id = id;
            DisplayName = displayName;
        }

        public string Id { get; set; } = string.Empty;

        public string DisplayName { get; set; } = string.Empty;

        public override string ToString() => DisplayName;
    }
}
