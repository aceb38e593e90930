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

        /// <summary>The preview's server-side filter expression. The spec gives this list no orderby, so there is no -OrderBy.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? Filter { get; set; }

        /// <summary>At most this many manifests per response page; paging continues until the list ends.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 100)]
        public int? MaxPageSize { get; set; }

        protected override string ResourceKind => "DeploymentManifest";

        protected override void ProcessItem()
        {
            if (ParameterSetName == ByIdSet)
            {
                var id = Id;
                WriteOne((c, ct) => c.DeploymentManifests.GetAsync(id, ct), id, DocumentView.ForPowerShell);

                return;
            }

            var options = new Engine.ListOptions(Filter, null, MaxPageSize);
            WriteAllPages((c, link, ct) => c.DeploymentManifests.ListAsync(options, link, ct), Filter, DocumentView.ForPowerShell);
        }
    }
}
