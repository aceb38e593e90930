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

        protected override string ResourceKind => "ApiToken";

        protected override void ProcessItem()
        {
            var id = Id;
            if (ShouldRemove(Force.IsPresent, "API token '" + id + "'", "Remove"))
            {
                TryCall((c, ct) => c.ApiTokens.RemoveAsync(id, ct), id);
            }
        }
    }
}
