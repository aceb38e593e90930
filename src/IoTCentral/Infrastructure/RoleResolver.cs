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

            roles ??= loadRoles();
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
    }
}
