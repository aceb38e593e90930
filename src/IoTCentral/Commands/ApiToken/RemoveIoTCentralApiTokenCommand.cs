using System.Management.Automation;

namespace IoTCentral.Commands.ApiToken
{
    /// <summary>Revokes an API token: calls made with it fail from then on.</summary>
    [Cmdlet(VerbsCommon.Remove, "IoTCentralApiToken", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveIoTCentralApiTokenCommand : IoTCentralCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>How many requests may run at once (the session's pace still applies); 1 sends one at a time.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;

        protected override int ThrottleLimitValue => ThrottleLimit;

        protected override string ResourceKind => "ApiToken";

        protected override string ProgressActivity => "Removing API tokens";

        protected override void ProcessItem()
        {
            var id = Id;
            if (ShouldRemove(Force.IsPresent, "API token '" + id + "'", "Remove"))
            {
                Submit((c, ct) => c.ApiTokens.RemoveAsync(id, ct), id);
            }
        }
    }
}
