using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using IoTCentral.Completion;
using IoTCentral.Infrastructure;
using IoTCentral.Models;
using IoTCentral.Validation;

namespace IoTCentral.Commands.User
{
    /// <summary>Changes a user with a JSON merge-patch of exactly the parameters given; -Role replaces the whole role list.</summary>
    [Cmdlet(VerbsCommon.Set, "IoTCentralUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Models.User))]
    public sealed class SetIoTCentralUserCommand : IoTCentralCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId")]
        [ValidateUserId]
        public string Id { get; set; } = string.Empty;

        [Parameter]
        [RoleTransformation]
        [ArgumentCompleter(typeof(RoleNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Role { get; set; }

        [Parameter]
        [OrganizationTransformation]
        [ValidateNotNullOrEmpty]
        public string? Organization { get; set; }

        [Parameter]
        [ValidateEmailAddress]
        public string? Email { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override string ResourceKind => "User";

        protected override void BeginProcessing()
        {
            if (Role == null && Organization == null && Email == null)
            {
                ThrowArgumentError(ErrorIds.NoChanges, "Specify at least one change: -Role, -Organization or -Email.", null);
            }
        }

        protected override void ProcessItem()
        {
            var id = Id;

            // Resolved before this user is touched (and read once per application), so an unknown role changes nobody.
            var roles = Role == null ? null : ResolveRoles(Role, Organization);
            var changes = new Dictionary<string, object?>();
            if (Email != null)
            {
                changes["email"] = Email.Trim();
            }

            if (roles != null)
            {
                changes["roles"] = roles;
            }
            else if (Organization != null)
            {
                // -Organization alone moves the user's current roles into that organization; roles are one list in
                // the API, so the current list is read and sent back whole.
                if (!TryCall((c, ct) => c.Users.GetAsync(id, ct), id, out var current))
                {
                    return;
                }

                changes["roles"] = current.Roles.Select(r => new RoleAssignment(r.Role, Organization)).ToArray();
            }

            if (ShouldProcess("user '" + id + "'", "Update " + string.Join(", ", changes.Keys))
                && TryCall((c, ct) => c.Users.UpdateAsync(id, changes, ct), id, out var updated)
                && PassThru.IsPresent)
            {
                WriteObject(updated);
            }
        }
    }
}
