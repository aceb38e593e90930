using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Validation;

namespace IoTCentral.Commands.DeploymentManifest
{
    /// <summary>Lists the application's deployment manifests, streaming page by page, or gets one by id (preview api-version).</summary>
    [Cmdlet(VerbsCommon.Get, "IoTCentralDeploymentManifest", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Models.DeploymentManifest))]
    public sealed class GetIoTCentralDeploymentManifestCommand : IoTCentralCmdlet
    {
        public const string ListSet = "List";
        public const string ByIdSet = "ById";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("DeploymentManifestId")]
        [ValidateDeploymentManifestId]
        public string Id { get; set; } = string.Empty;

        protected override string ResourceKind => "DeploymentManifest";

        protected override void ProcessItem()
        {
            if (ParameterSetName == ByIdSet)
            {
                var id = Id;
                WriteOne((c, ct) => c.DeploymentManifests.GetAsync(id, ct), id, DocumentView.ForPowerShell);

                return;
            }

            WriteAllPages((c, link, ct) => c.DeploymentManifests.ListAsync(link, ct), null, DocumentView.ForPowerShell);
        }
    }
}
