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

        // An application has a handful of roles, so unlike devices every page is read.
        protected override IEnumerable<string> Fetch(IoTCentralClient client, CancellationToken cancellationToken)
        {
            string? nextLink = null;
            do
            {
                var page = client.Roles.ListAsync(nextLink, cancellationToken).GetAwaiter().GetResult();
                foreach (var role in page.Items)
                {
                    yield return role.DisplayName;
                }

                nextLink = page.NextLink;
            }
            while (!string.IsNullOrEmpty(nextLink));
        }
    }
}
