using System;

namespace IoTCentral.Models
{
    /// <summary>A role granted to a user or API token, optionally within one organization.</summary>
    public sealed class RoleAssignment : IoTCentralObject
    {
        public RoleAssignment()
        {
        }

        public RoleAssignment(Uri? applicationUrl)
            : base(applicationUrl)
        {
        }

        public RoleAssignment(string role, string? organization = null)
        {
            Role = role;
            Organization = organization;
        }

        /// <summary>The role id.</summary>
        public string Role { get; set; } = string.Empty;

        /// <summary>The organization the role applies to; null for the whole application.</summary>
        public string? Organization { get; set; }

        public override string ToString() => Organization == null ? Role : Role + "@" + Organization;
    }
}
