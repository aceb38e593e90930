using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Validation;

namespace IoTCentral.Commands.DeploymentManifest
{
    /// <summary>
    /// Changes a deployment manifest with a JSON merge patch: the members of the document given (-Path, -Json or -Definition,
    /// also a piped deployment manifest read and edited) and of the other parameters. The etag of a piped deployment manifest, or -ETag,
    /// guards the change. Emits nothing unless -PassThru.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "IoTCentralDeploymentManifest", DefaultParameterSetName = DefinitionSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Models.DeploymentManifest))]
    public sealed class SetIoTCentralDeploymentManifestCommand : DeploymentManifestCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("DeploymentManifestId")]
        [ValidateDeploymentManifestId]
        public string Id { get; set; } = string.Empty;

        /// <summary>Change only if the deployment manifest still has this etag (412 otherwise).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ETag { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessItem()
        {
            var id = Id;
            Update(id, ETag, PassThru.IsPresent, (c, changes, ct) => c.DeploymentManifests.UpdateAsync(id, changes, ct), DocumentView.ForPowerShell);
        }
    }
}
