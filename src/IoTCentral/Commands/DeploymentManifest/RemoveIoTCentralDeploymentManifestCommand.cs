using System.Management.Automation;
using IoTCentral.Validation;

namespace IoTCentral.Commands.DeploymentManifest
{
    /// <summary>Deletes a deployment manifest.</summary>
    [Cmdlet(VerbsCommon.Remove, "IoTCentralDeploymentManifest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveIoTCentralDeploymentManifestCommand : IoTCentralCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("DeploymentManifestId")]
        [ValidateDeploymentManifestId]
        public string Id { get; set; } = string.Empty;

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override string ResourceKind => "DeploymentManifest";

        protected override void ProcessItem()
        {
            var id = Id;
            if (ShouldRemove(Force.IsPresent, "deployment manifest '" + id + "'", "Remove"))
            {
                TryCall((c, ct) => c.DeploymentManifests.RemoveAsync(id, ct), id);
            }
        }
    }
}
