using System.Collections.Generic;
using System.Linq;
using System.Threading;
using IoTCentral.Engine;

namespace IoTCentral.Completion
{
    /// <summary>Completes role names; the three built-in roles when not connected.</summary>
    public sealed class RoleNameCompleter : SessionCompleter
    {
        private static readonly string[] BuiltInRoles = { "Administrator", "Builder", "Operator" };

        protected override IEnumerable<string> Fallback => BuiltInRoles;

        protected override IEnumerable<string> Fetch(IoTCentralClient client, CancellationToken cancellationToken) =>
            client.Roles.ListAsync(null, cancellationToken).GetAwaiter().GetResult().Items.Select(r => r.DisplayName);
    }
}
