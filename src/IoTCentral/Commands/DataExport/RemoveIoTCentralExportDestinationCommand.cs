using System.Management.Automation;
using IoTCentral.Validation;

namespace IoTCentral.Commands.DataExport
{
    /// <summary>Deletes a export destination.</summary>
    [Cmdlet(VerbsCommon.Remove, "IoTCentralExportDestination", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveIoTCentralExportDestinationCommand : IoTCentralCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("DestinationId")]
        [ValidateGroupId]
        public string Id { get; set; } = string.Empty;

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override string ResourceKind => "ExportDestination";

        protected override void ProcessItem()
        {
            var id = Id;
            if (ShouldRemove(Force.IsPresent, "export destination '" + id + "'", "Remove"))
            {
                TryCall((c, ct) => c.DataExport.RemoveDestinationAsync(id, ct), id);
            }
        }
    }
}
