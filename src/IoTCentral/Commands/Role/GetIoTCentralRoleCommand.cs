using System.Linq;
using System.Management.Automation;
using IoTCentral.Completion;
using IoTCentral.Models;
using IoTCentral.Validation;

namespace IoTCentral.Commands.Role
{
    /// <summary>Lists the application's roles, or gets one by id, or filters by display name.</summary>
    [Cmdlet(VerbsCommon.Get, "IoTCentralRole", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Models.Role))]
    public sealed class GetIoTCentralRoleCommand : IoTCentralCmdlet
    {
        public const string ListSet = "List";
        public const string ByIdSet = "ById";

        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ValidateWildcard]
        [ArgumentCompleter(typeof(RoleNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        // "Role" is what a role assignment calls the role id, so $user.Roles | Get-IoTCentralRole shows the user's roles.
        [Parameter(Mandatory = true, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Role", "RoleId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        protected override string ResourceKind => "Role";

        protected override void ProcessItem()
        {
            if (ParameterSetName == ByIdSet)
            {
                if (TryCall((c, ct) => c.Roles.GetAsync(Id, ct), Id, out var role))
                {
                    WriteObject(role);
                }

                return;
            }

            var pattern = Name == null ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase);
            var found = false;
            try
            {
                foreach (var role in ReadAllPages<Models.Role>((c, link, ct) => c.Roles.ListAsync(link, ct)).Where(r => pattern == null || pattern.IsMatch(r.DisplayName)))
                {
                    found = true;
                    WriteObject(role);
                }
            }
            catch (IoTCentralException exception)
            {
                ReportServiceError(exception, Name);
                return;
            }

            if (!found && Name != null && !WildcardPattern.ContainsWildcardCharacters(Name))
            {
                WriteError(new ErrorRecord(
                    new ItemNotFoundException("No role named '" + Name + "' exists in the application."),
                    "IoTCentral.RoleNotFound",
                    ErrorCategory.ObjectNotFound,
                    Name));
            }
        }
    }
}
