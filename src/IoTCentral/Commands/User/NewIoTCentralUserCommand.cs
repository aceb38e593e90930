using System;
using System.Management.Automation;
using IoTCentral.Completion;
using IoTCentral.Models;
using IoTCentral.Validation;

namespace IoTCentral.Commands.User
{
    /// <summary>
    /// Adds a user (an email address, a service principal or a Microsoft Entra group) with roles. Role names are
    /// resolved before anything is written, so a typo creates nothing.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "IoTCentralUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = EmailSet)]
    [OutputType(typeof(Models.User))]
    public sealed class NewIoTCentralUserCommand : IoTCentralCmdlet
    {
        public const string EmailSet = "Email";
        public const string ServicePrincipalSet = "ServicePrincipal";
        public const string AdGroupSet = "AdGroup";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = EmailSet, ValueFromPipelineByPropertyName = true)]
        [ValidateEmailAddress]
        public string Email { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = ServicePrincipalSet)]
        public SwitchParameter ServicePrincipal { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = AdGroupSet)]
        public SwitchParameter AdGroup { get; set; }

        // Strings, as on Connect-IoTCentral and the User object, checked here as the GUIDs the service requires.
        [Parameter(Mandatory = true, ParameterSetName = ServicePrincipalSet)]
        [Parameter(Mandatory = true, ParameterSetName = AdGroupSet)]
        [ValidateGuid]
        public string TenantId { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = ServicePrincipalSet)]
        [Parameter(Mandatory = true, ParameterSetName = AdGroupSet)]
        [ValidateGuid]
        public string ObjectId { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Roles")]
        [RoleTransformation]
        [ArgumentCompleter(typeof(RoleNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Role { get; set; } = Array.Empty<string>();

        [Parameter]
        [ValidateUserId]
        public string? Id { get; set; }

        [Parameter]
        [OrganizationTransformation]
        [ValidateNotNullOrEmpty]
        public string? Organization { get; set; }

        /// <summary>How many requests may run at once (the session's pace still applies); 1 sends one at a time.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;

        protected override int ThrottleLimitValue => ThrottleLimit;

        protected override string ResourceKind => "User";

        protected override string ProgressActivity => "Creating users";

        // A piped object only supplies values, so -Session may name another application: that is how to copy.
        protected override bool ActsOnPipedObjects => false;

        protected override void ProcessItem()
        {
            var user = NewUser();
            user.Roles = ResolveRoles(Role, Organization);
            if (!ShouldProcess(user.Type + " user '" + user + "' (id " + user.Id + ")", "Create with role(s) " + string.Join(", ", Role)))
            {
                return;
            }

            if (Id != null && !IsUnused(user.Id))
            {
                return;
            }

            Submit((c, ct) => c.Users.CreateAsync(user, ct), user.Id, created => WriteObject(WithRoleNames(created)));
        }

        private Models.User NewUser()
        {
            // Each new user gets its own id unless one is given: the service needs one and people never see it.
            var user = new Models.User { Id = Id ?? Guid.NewGuid().ToString("D") };
            switch (ParameterSetName)
            {
                case EmailSet:
                    user.Type = UserType.Email;
                    user.Email = Email.Trim();
                    break;
                default:
                    user.Type = ParameterSetName == AdGroupSet ? UserType.AdGroup : UserType.ServicePrincipal;
                    user.TenantId = Guid.Parse(TenantId).ToString("D");
                    user.ObjectId = Guid.Parse(ObjectId).ToString("D");
                    break;
            }

            return user;
        }

        /// <summary>
        /// PUT /users/{id} replaces an existing user, so a chosen -Id is checked first: New- must not silently
        /// overwrite someone's roles (Set-IoTCentralUser is the way to change them).
        /// </summary>
        private bool IsUnused(string id)
        {
            try
            {
                Call((c, ct) => c.Users.GetAsync(id, ct));
            }
            catch (IoTCentralException exception) when (exception.Status == 404)
            {
                return true;
            }
            catch (IoTCentralException exception)
            {
                ReportServiceError(exception, id);
                return false;
            }

            WriteError(new ErrorRecord(
                new InvalidOperationException("The user '" + id + "' already exists. Use Set-IoTCentralUser to change it, or choose another -Id."),
                "IoTCentral.UserAlreadyExists",
                ErrorCategory.ResourceExists,
                id));
            return false;
        }
    }
}
