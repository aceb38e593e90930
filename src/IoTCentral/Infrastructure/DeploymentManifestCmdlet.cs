using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using IoTCentral.Engine;

namespace IoTCentral.Infrastructure
{
    /// <summary>
    /// New- and Set-IoTCentralDeploymentManifest: the document parameters, checked as the spec's DeploymentManifest.
    /// A bare IoT Edge deployment (a JSON object with modulesContent and no data, as Visual Studio Code and the
    /// IoT Edge docs write it) is taken as the manifest's data.
    /// </summary>
    public abstract class DeploymentManifestCmdlet : DocumentCmdlet
    {
        protected override string ResourceKind => "DeploymentManifest";

        protected override string What => "deployment manifest";

        protected override string InvalidErrorId => ErrorIds.InvalidDeploymentManifest;

        protected override OrderedDictionary? FromModel(object input) => input is Models.DeploymentManifest manifest ? ManifestBody.Of(manifest, forWrite: true) : null;

        protected override IReadOnlyList<string> Problems(IDictionary body, bool patch) => DeploymentManifestsOperations.Validate(body, patch);

        protected override void Normalize(OrderedDictionary body)
        {
            if (body.Contains("modulesContent") && !body.Contains("data"))
            {
                var deployment = new OrderedDictionary(System.StringComparer.Ordinal);
                foreach (DictionaryEntry entry in body)
                {
                    deployment[entry.Key] = entry.Value;
                }

                body.Clear();
                body["data"] = deployment;
            }
        }
    }

    /// <summary>The body of a DeploymentManifest object: for a write (forWrite: with organizations and etag) or to apply to a device.</summary>
    internal static class ManifestBody
    {
        internal static OrderedDictionary Of(Models.DeploymentManifest manifest, bool forWrite)
        {
            var body = new OrderedDictionary(System.StringComparer.Ordinal);
            if (manifest.DisplayName != null)
            {
                body["displayName"] = manifest.DisplayName;
            }

            body["data"] = PSObjectTree.FromPowerShell(manifest.Data);
            if (forWrite && manifest.Organizations.Length > 0)
            {
                body["organizations"] = manifest.Organizations;
            }

            if (forWrite && manifest.ETag != null)
            {
                body["etag"] = manifest.ETag;
            }

            return body;
        }
    }
}
