using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Validation;

namespace IoTCentral.Commands.DataExport
{
    /// <summary>Changes a data export with a merge patch: name, source, filter, enrichments, destinations, enabled.</summary>
    [Cmdlet(VerbsCommon.Set, "IoTCentralExport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Models.DataExport))]
    public sealed class SetIoTCentralExportCommand : ExportDefinitionCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ExportId")]
        [ValidateGroupId]
        public string Id { get; set; } = string.Empty;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DisplayName { get; set; }

        [Parameter]
        [ValidateSet("telemetry", "properties", "deviceLifecycle", "deviceTemplateLifecycle", "deviceConnectivity", "audit")]
        public string? Source { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public object[]? Destination { get; set; }

        /// <summary>A filter; $null or an empty string removes it, so the export sends everything again.</summary>
        [Parameter]
        [AllowNull]
        [AllowEmptyString]
        public string? Filter { get; set; }

        /// <summary>Replaces the enrichments; an empty hashtable removes them all.</summary>
        [Parameter]
        public IDictionary? Enrichment { get; set; }

        [Parameter]
        public bool Enabled { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessItem()
        {
            var changes = new Dictionary<string, object?>();
            PatchIfBound(changes, nameof(DisplayName), "displayName", () => DisplayName);
            PatchIfBound(changes, nameof(Source), "source", () => Source);
            PatchIfBound(changes, nameof(Enabled), "enabled", () => Enabled);
            var filter = IsBound(nameof(Filter)) && !string.IsNullOrEmpty(Filter) ? Filter : null;
            if (!AddDefinition(changes, Id, filter, Enrichment, Destination))
            {
                return;
            }

            if (IsBound(nameof(Filter)) && filter == null)
            {
                changes["filter"] = null;
            }

            if (changes.Count == 0)
            {
                WriteArgumentError(ErrorIds.NoChanges, "Give at least one change, such as -Enabled, -Filter or -Destination.", Id);
                return;
            }

            var id = Id;
            if (ShouldProcess("data export '" + id + "'", "Update " + string.Join(", ", changes.Keys)))
            {
                // -Enrichment replaces the set: a merge patch keeps names it does not mention, so those are sent as null.
                if (changes.TryGetValue("enrichments", out var given) && given is Dictionary<string, object?> enrichments)
                {
                    if (!TryCall((c, ct) => c.DataExport.GetExportAsync(id, ct), id, out var current))
                    {
                        return;
                    }

                    foreach (var old in current.Enrichments)
                    {
                        if (!enrichments.ContainsKey(old.Name))
                        {
                            enrichments[old.Name] = null;
                        }
                    }
                }

                if (TryCall((c, ct) => c.DataExport.UpdateExportAsync(id, changes, ct), id, out var updated) && PassThru.IsPresent)
                {
                    WriteObject(updated);
                }
            }
        }
    }
}
