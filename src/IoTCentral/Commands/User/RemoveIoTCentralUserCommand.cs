using System.Management.Automation;
using IoTCentral.Validation;

namespace IoTCentral.Commands.User
{
    /// <summary>Removes a user from the application: the identity loses every role it had there.</summary>
    [Cmdlet(VerbsCommon.Remove, "IoTCentralUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveIoTCentralUserCommand : IoTCentralCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId")]
        [ValidateUserId]
        public string Id { get; set; } = string.Empty;

        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>How many requests may run at once (the session's pace still applies); 1 sends one at a time.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;

        protected override int ThrottleLimitValue => ThrottleLimit;

        protected override string ResourceKind => "User";

        protected override string ProgressActivity => "Removing users";

        protected override void ProcessItem()
        {
            var id = Id;
            if (ShouldRemove(Force.IsPresent, "user '" + id + "'", "Remove"))
            {
                Submit((c, ct) => c.Users.RemoveAsync(id, ct), id);
            }
        }
    }
}
