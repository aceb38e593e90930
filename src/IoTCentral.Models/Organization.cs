using System;

namespace IoTCentral.Models
{
    /// <summary>An organization of the application: a node of the tree that scopes who sees which devices.</summary>
    public sealed class Organization : IoTCentralObject
    {
        public Organization()
        {
        }

        public Organization(Uri? applicationUrl)
            : base(applicationUrl)
        {
        }

        public string Id { get; set; } = string.Empty;

        public string? DisplayName { get; set; }

        /// <summary>The id of the parent organization; null for a top-level organization.</summary>
        public string? Parent { get; set; }

        public override string ToString() => Id;
    }
}
