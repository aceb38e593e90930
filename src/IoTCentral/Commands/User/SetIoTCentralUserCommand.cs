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

        /// <summary>How many requests may run at once (the session's pace still applies); 1 sends one at a time.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;

        protected override int ThrottleLimitValue => ThrottleLimit;

        protected override string ResourceKind => "User";

        protected override string ProgressActivity => "Updating users";

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

            // -Organization alone moves the user's current roles into that organization; roles are one list in the
            // API, so the current list is read and sent back whole, both in the one submitted item.
            var organization = roles == null ? Organization : null;
            var fields = organization == null ? string.Join(", ", changes.Keys) : string.Join(", ", changes.Keys.Append("roles"));
            if (ShouldProcess("user '" + id + "'", "Update " + fields))
            {
                Submit(
                    async (c, ct) =>
                    {
                        if (organization != null)
                        {
                            var current = await c.Users.GetAsync(id, ct).ConfigureAwait(false);
                            changes["roles"] = current.Roles.Select(r => new RoleAssignment(r.Role, organization)).ToArray();
                        }

                        return await c.Users.UpdateAsync(id, changes, ct).ConfigureAwait(false);
                    },
                    id,
                    PassThru.IsPresent ? updated => WriteObject(WithRoleNames(updated)) : (Action<Models.User>?)null);
            }
        }
    }
}
