using System;
using System.Security;

namespace IoTCentral.Models
{
    /// <summary>
    /// An API token. The service returns the token value only when the token is created; then
    /// <see cref="Token"/> holds it, protected.
    /// </summary>
    public sealed class ApiToken
    {
        public string Id { get; set; } = string.Empty;

        public RoleAssignment[] Roles { get; set; } = Array.Empty<RoleAssignment>();

        public DateTimeOffset? Expiry { get; set; }

        /// <summary>The token value, present only on the object New-IoTCentralApiToken returns.</summary>
        public SecureString? Token { get; set; }

        public override string ToString() => Id;
    }
}
