using System.Management.Automation;
using IoTCentral.Infrastructure;

namespace IoTCentral.Commands.ApiToken
{
    /// <summary>Revokes an API token: calls made with it fail from then on.</summary>
    [Cmdlet(VerbsCommon.Remove, "IoTCentralApiToken", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveIoTCentralApiTokenCommand : BulkRemoveCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        protected override string ResourceKind => "ApiToken";

        protected override string ProgressActivity => "Removing API tokens";

        protected override void ProcessItem()
        {
            var id = Id;
            SubmitRemoval("API token '" + id + "'", id, (c, ct) => c.ApiTokens.RemoveAsync(id, ct));
        }
    }
}
