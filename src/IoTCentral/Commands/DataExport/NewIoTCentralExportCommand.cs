using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using IoTCentral.Validation;

namespace IoTCentral.Commands.DataExport
{
    /// <summary>Creates (or replaces) a data export: a source, an optional filter and enrichments, and the destinations it sends to.</summary>
    [Cmdlet(VerbsCommon.New, "IoTCentralExport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Models.DataExport))]
    public sealed class NewIoTCentralExportCommand : ExportDefinitionCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ExportId")]
        [ValidateGroupId]
        public string Id { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? DisplayName { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateSet("telemetry", "properties", "deviceLifecycle", "deviceTemplateLifecycle", "deviceConnectivity", "audit")]
        public string Source { get; set; } = string.Empty;

        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public object[] Destination { get; set; } = new object[0];

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Filter { get; set; }

        [Parameter]
        public IDictionary? Enrichment { get; set; }

        [Parameter]
        public bool Enabled { get; set; } = true;

        protected override bool ActsOnPipedObjects => false;

        protected override void ProcessItem()
        {
            var body = new Dictionary<string, object?>
            {
                ["displayName"] = DisplayName ?? Id,
                ["enabled"] = Enabled,
                ["source"] = Source,
            };
            if (!AddDefinition(body, Id, Filter, Enrichment, Destination))
            {
                return;
            }

            var id = Id;
            if (ShouldProcess("data export '" + id + "'", "Create an export of " + Source + (Enabled ? string.Empty : " (disabled)")))
            {
                if (TryCall((c, ct) => c.DataExport.CreateExportAsync(id, body, ct), id, out var created))
                {
                    WriteObject(created);
                }
            }
        }
    }
}
