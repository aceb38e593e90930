using System;

namespace IoTCentral.Models
{
    /// <summary>
    /// An IoT Edge deployment manifest kept by the application (2022-10-31-preview): <see cref="Data"/> is the
    /// deployment itself (modulesContent), as a tree a script can edit and send back.
    /// </summary>
    public sealed class DeploymentManifest : IoTCentralObject
    {
        public DeploymentManifest()
        {
        }

        public DeploymentManifest(Uri? applicationUrl)
            : base(applicationUrl)
        {
        }

        /// <summary>The manifest's id; empty for a manifest applied to a device without one.</summary>
        public string Id { get; set; } = string.Empty;

        public string? DisplayName { get; set; }

        public string[] Organizations { get; set; } = Array.Empty<string>();

        public string? ETag { get; set; }

        /// <summary>The IoT Edge deployment (a neutral tree; PSCustomObjects from the cmdlets).</summary>
        public object? Data { get; set; }

        public override string ToString() => string.IsNullOrEmpty(Id) ? DisplayName ?? string.Empty : Id;
    }
}
