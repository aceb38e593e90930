using System;
using System.Collections.Generic;
using System.Security;

namespace IoTCentral.Models
{
    /// <summary>
    /// An API token. The service returns the token value only when the token is created; then
    /// <see cref="Token"/> holds it, protected.
    /// </summary>
    public sealed class ApiToken : IoTCentralObject
    {
        public ApiToken()
        {
        }

        public ApiToken(Uri? applicationUrl)
            : base(applicationUrl)
        {
        }

        public string Id { get; set; } = string.Empty;

        public RoleAssignment[] Roles { get; set; } = Array.Empty<RoleAssignment>();

        internal override IEnumerable<IoTCentralObject> Parts => Roles;

        public DateTimeOffset? Expiry { get; set; }

        /// <summary>The token value, present only on the object New-IoTCentralApiToken returns.</summary>
        public SecureString? Token { get; set; }

        public override string ToString() => Id;
    }
}
