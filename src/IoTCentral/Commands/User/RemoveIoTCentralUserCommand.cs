using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Validation;

namespace IoTCentral.Commands.User
{
    /// <summary>Removes a user from the application: the identity loses every role it had there.</summary>
    [Cmdlet(VerbsCommon.Remove, "IoTCentralUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveIoTCentralUserCommand : BulkRemoveCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId")]
        [ValidateUserId]
        public string Id { get; set; } = string.Empty;

        protected override string ResourceKind => "User";

        protected override string ProgressActivity => "Removing users";

        protected override void ProcessItem()
        {
            var id = Id;
            SubmitRemoval("user '" + id + "'", id, (c, ct) => c.Users.RemoveAsync(id, ct));
        }
    }
}
