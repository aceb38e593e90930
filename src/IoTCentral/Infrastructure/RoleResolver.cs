using System;
using System.Collections.Generic;
using System.Linq;
using IoTCentral.Models;

namespace IoTCentral.Infrastructure
{
    /// <summary>
    /// Turns what users type for a role (a display name such as Operator, or a role id) into a role id.
    /// Ids pass without a request; names are looked up once against the application's own roles, because
    /// organization roles and custom roles differ from app to app.
    /// </summary>
    internal sealed class RoleResolver
    {
        private readonly Func<IReadOnlyList<Role>> loadRoles;
        private IReadOnlyList<Role>? roles;
        private Dictionary<string, string>? names;
        private bool unreadable;

        internal RoleResolver(Func<IReadOnlyList<Role>> loadRoles)
        {
            this.loadRoles = loadRoles;
        }

        internal bool TryResolve(string value, out string roleId, out string error)
        {
            var text = value.Trim();
            if (Guid.TryParse(text, out _))
            {
                roleId = text;
                error = string.Empty;
                return true;
            }

            var roles = Roles();
            var match = roles.FirstOrDefault(r => string.Equals(r.DisplayName, text, StringComparison.OrdinalIgnoreCase));
            if (match != null)
            {
                roleId = match.Id;
                error = string.Empty;
                return true;
            }

            roleId = string.Empty;
            error = "Unknown role '" + text + "'. The application's roles are: "
                + string.Join(", ", roles.Select(r => r.DisplayName)) + ".";
            return false;
        }

        /// <summary>
        /// The display name of each role id, from the same one read as name resolution; null once reading the roles
        /// has failed (<paramref name="failure"/> carries the error the first time only), so a command asks once.
        /// </summary>
        internal IReadOnlyDictionary<string, string>? Names(out IoTCentralException? failure)
        {
            failure = null;
            if (names != null || unreadable)
            {
                return names;
            }

            try
            {
                var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var role in Roles())
                {
                    found[role.Id] = role.DisplayName;
                }

                return names = found;
            }
            catch (IoTCentralException e)
            {
                unreadable = true;
                failure = e;
                return null;
            }
        }

        private IReadOnlyList<Role> Roles() => roles ??= loadRoles();
    }
}
