using System;
using System.Collections.Generic;

namespace IoTCentral.Models
{
    /// <summary>A newly created API token whose value the user asked for as plain text (-AsPlainText).</summary>
    public sealed class PlainTextApiToken : IoTCentralObject
    {
        public PlainTextApiToken()
        {
        }

        public PlainTextApiToken(Uri? applicationUrl)
            : base(applicationUrl)
        {
        }

        public string Id { get; set; } = string.Empty;

        public RoleAssignment[] Roles { get; set; } = Array.Empty<RoleAssignment>();

        internal override IEnumerable<IoTCentralObject> Parts => Roles;

        public DateTimeOffset? Expiry { get; set; }

        public string Token { get; set; } = string.Empty;

        // The value is deliberately left out so that string conversion never prints it.
        public override string ToString() => Id;
    }
}
