using System;
using System.Collections.Generic;

namespace IoTCentral.Models
{
    /// <summary>
    /// A user of the application: an email user has <see cref="Email"/>; a service principal or a group has
    /// <see cref="TenantId"/> and <see cref="ObjectId"/>. The ids stay strings as the service sends them.
    /// </summary>
    public sealed class User : IoTCentralObject
    {
        public User()
        {
        }

        public User(Uri? applicationUrl)
            : base(applicationUrl)
        {
        }

        public string Id { get; set; } = string.Empty;

        public UserType Type { get; set; }

        /// <summary>The email address of an email user; null for the other types.</summary>
        public string? Email { get; set; }

        /// <summary>The Microsoft Entra tenant of a service principal or group; null for an email user.</summary>
        public string? TenantId { get; set; }

        /// <summary>The Microsoft Entra object id of a service principal or group; null for an email user.</summary>
        public string? ObjectId { get; set; }

        public RoleAssignment[] Roles { get; set; } = Array.Empty<RoleAssignment>();

        internal override IEnumerable<IoTCentralObject> Parts => Roles;

        public override string ToString() => Email ?? ObjectId ?? Id;
    }
}
