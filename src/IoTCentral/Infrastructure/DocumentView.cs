using System;
using System.Management.Automation;
using IoTCentral.Models;

namespace IoTCentral.Infrastructure
{
    /// <summary>Dashboards and manifests as PowerShell users read them: their JSON trees as PSCustomObjects.</summary>
    internal static class DocumentView
    {
        /// <summary>
        /// Tiles are the very objects in Definition.tiles, so an edit to $d.Tiles[0] shows in $d.Definition too and
        /// is sent whichever of the two the user passes on.
        /// </summary>
        internal static Dashboard ForPowerShell(Dashboard dashboard)
        {
            var definition = PSObjectTree.ToPowerShell(dashboard.Definition);
            dashboard.Definition = definition;
            dashboard.Tiles = definition is PSObject tree && tree.Properties["tiles"]?.Value is object[] tiles
                ? tiles
                : (object[])(PSObjectTree.ToPowerShell(dashboard.Tiles) ?? Array.Empty<object>());
            return dashboard;
        }

        internal static DeploymentManifest ForPowerShell(DeploymentManifest manifest)
        {
            manifest.Data = PSObjectTree.ToPowerShell(manifest.Data);
            return manifest;
        }
    }
}
