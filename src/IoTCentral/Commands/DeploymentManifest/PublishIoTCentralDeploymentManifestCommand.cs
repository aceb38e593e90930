using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Validation;

namespace IoTCentral.Commands.DeploymentManifest
{
    /// <summary>
    /// Applies a deployment manifest to an IoT Edge device (Devices_ApplyManifest): the manifest named by
    /// -ManifestId is read and sent, or the -Manifest object given (also piped) is sent as it is. Publish, because
    /// the manifest is made available to the device, which deploys its modules from it; emits nothing unless -PassThru.
    /// </summary>
    // Manifest is the default set so that a piped manifest binds to it; -ManifestId picks the other set.
    [Cmdlet(VerbsData.Publish, "IoTCentralDeploymentManifest", DefaultParameterSetName = ManifestSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Models.DeploymentManifest))]
    public sealed class PublishIoTCentralDeploymentManifestCommand : DeviceCmdlet
    {
        public const string ManifestSet = "Manifest";
        public const string ByIdSet = "ById";

        private bool readingManifest;

        [Parameter(Mandatory = true, ParameterSetName = ByIdSet)]
        [Alias("DeploymentManifestId")]
        [ValidateDeploymentManifestId]
        public string ManifestId { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = ManifestSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Models.DeploymentManifest Manifest { get; set; } = null!;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        // A failure to read the manifest is the manifest's (IoTCentral.DeploymentManifestNotFound); the rest are the device's.
        protected override string ResourceKind => readingManifest ? "DeploymentManifest" : base.ResourceKind;

        protected override void ProcessItem()
        {
            var deviceId = DeviceId;
            var manifest = ParameterSetName == ByIdSet ? Read(ManifestId) : Manifest;
            if (manifest == null)
            {
                return;
            }

            var body = ManifestBody.Of(manifest, forWrite: false);
            var problems = Engine.DeploymentManifestsOperations.Validate(body, patch: false);
            if (problems.Count > 0)
            {
                // A manifest made in a script (not read from the service) may lack its data.
                WriteArgumentError(ErrorIds.InvalidDeploymentManifest, "The deployment manifest '" + manifest + "' does not match the service's definition: " + string.Join(" ", problems), manifest);
                return;
            }

            if (!string.IsNullOrEmpty(manifest.Id))
            {
                // The device records which manifest it runs.
                body["id"] = manifest.Id;
            }

            if (ShouldProcess("device '" + deviceId + "'", "Apply deployment manifest '" + manifest + "'")
                && TryCall((c, ct) => c.DeploymentManifests.ApplyAsync(deviceId, body, ct), deviceId, out var applied)
                && PassThru.IsPresent)
            {
                WriteObject(DocumentView.ForPowerShell(applied));
            }
        }

        private Models.DeploymentManifest? Read(string id)
        {
            readingManifest = true;
            try
            {
                return TryCall((c, ct) => c.DeploymentManifests.GetAsync(id, ct), id, out var manifest) ? manifest : null;
            }
            finally
            {
                readingManifest = false;
            }
        }
    }
}
