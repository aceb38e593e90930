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

        /// <summary>
        /// The role's display name (e.g. Administrator), filled by the cmdlets that write users and API tokens when
        /// they could read the application's roles; null otherwise. Never sent to the service: only the id is.
        /// </summary>
        public string? RoleName { get; set; }

        /// <summary>What the format views show: the name where known (Operator@seattle), else the same text as ToString.</summary>
        public string ToDisplayString()
        {
            if (string.IsNullOrEmpty(RoleName))
            {
                return ToString();
            }

            return Organization == null ? RoleName! : RoleName + "@" + Organization;
        }

        // The id (id@organization), not the name: scripts pass this text back as -Role.
        public override string ToString() => Organization == null ? Role : Role + "@" + Organization;
    }
}
