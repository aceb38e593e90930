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

        protected override string ResourceKind => "User";

        protected override void ProcessItem()
        {
            var id = Id;
            if (ShouldRemove(Force.IsPresent, "user '" + id + "'", "Remove"))
            {
                TryCall((c, ct) => c.Users.RemoveAsync(id, ct), id);
            }
        }
    }
}
