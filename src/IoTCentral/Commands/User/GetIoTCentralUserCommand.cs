using System.Management.Automation;
using IoTCentral.Models;
using IoTCentral.Validation;

namespace IoTCentral.Commands.User
{
    /// <summary>Lists the application's users, streaming page by page (optionally filtered by email), or gets one by id.</summary>
    [Cmdlet(VerbsCommon.Get, "IoTCentralUser", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Models.User))]
    public sealed class GetIoTCentralUserCommand : IoTCentralCmdlet
    {
        public const string ListSet = "List";
        public const string ByIdSet = "ById";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId")]
        [ValidateUserId]
        public string Id { get; set; } = string.Empty;

        [Parameter(ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ValidateWildcard]
        [ValidateNotNullOrEmpty]
        public string? Email { get; set; }

        /// <summary>At most this many items per response page (the preview's maxpagesize); paging continues until the list ends.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 100)]
        public int? MaxPageSize { get; set; }

        protected override string ResourceKind => "User";

        protected override void ProcessItem()
        {
            if (ParameterSetName == ByIdSet)
            {
                var id = Id;
                WriteOne((c, ct) => c.Users.GetAsync(id, ct), id, WithRoleNames);

                return;
            }

            // The API has no server-side filter, so -Email is matched here, item by item, as the pages arrive.
            var pattern = Email == null ? null : new WildcardPattern(Email, WildcardOptions.IgnoreCase);
            var found = false;
            var maxPageSize = MaxPageSize;
            try
            {
                foreach (var user in ReadAllPages<Models.User>((c, link, ct) => c.Users.ListAsync(maxPageSize, link, ct)))
                {
                    if (pattern == null || (user.Email != null && pattern.IsMatch(user.Email)))
                    {
                        found = true;
                        WriteObject(WithRoleNames(user));
                    }
                }
            }
            catch (IoTCentralException exception)
            {
                ReportServiceError(exception, Email);
                return;
            }

            // As Get-Item does: an exact name that matches nothing is an error, a wildcard that matches nothing is not.
            if (!found && Email != null && !WildcardPattern.ContainsWildcardCharacters(Email))
            {
                WriteError(new ErrorRecord(
                    new ItemNotFoundException("No user with the email address '" + Email + "' exists in the application."),
                    "IoTCentral.UserNotFound",
                    ErrorCategory.ObjectNotFound,
                    Email));
            }
        }
    }
}
