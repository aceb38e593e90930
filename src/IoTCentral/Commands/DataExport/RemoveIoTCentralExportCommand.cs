using System.Management.Automation;
using IoTCentral.Validation;

namespace IoTCentral.Commands.DataExport
{
    /// <summary>Deletes a data export.</summary>
    [Cmdlet(VerbsCommon.Remove, "IoTCentralExport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveIoTCentralExportCommand : IoTCentralCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ExportId")]
        [ValidateGroupId]
        public string Id { get; set; } = string.Empty;

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override string ResourceKind => "Export";

        protected override void ProcessItem()
        {
            var id = Id;
            if (ShouldRemove(Force.IsPresent, "data export '" + id + "'", "Remove"))
            {
                TryCall((c, ct) => c.DataExport.RemoveExportAsync(id, ct), id);
            }
        }
    }
}
