using System.Management.Automation;
using IoTCentral.Models;

namespace IoTCentral.Commands.ApiToken
{
    /// <summary>Lists API tokens, or gets one; the service never returns a token's value again.</summary>
    [Cmdlet(VerbsCommon.Get, "IoTCentralApiToken")]
    [OutputType(typeof(Models.ApiToken))]
    public sealed class GetIoTCentralApiTokenCommand : IoTCentralCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Id { get; set; }

        protected override string ResourceKind => "ApiToken";

        protected override void ProcessItem()
        {
            if (Id != null)
            {
                var id = Id;
                WriteOne((c, ct) => c.ApiTokens.GetAsync(id, ct), id, WithRoleNames);

                return;
            }

            WriteAllPages((c, link, ct) => c.ApiTokens.ListAsync(link, ct), null, WithRoleNames);
        }
    }
}
