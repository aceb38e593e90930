using System.Management.Automation;
using IoTCentral.Models;
using IoTCentral.Validation;

namespace IoTCentral.Commands.DataExport
{
    /// <summary>Lists the application's data export destinations, gets one by id, or lists the destinations an export sends to.</summary>
    [Cmdlet(VerbsCommon.Get, "IoTCentralExportDestination", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(ExportDestination))]
    public sealed class GetIoTCentralExportDestinationCommand : IoTCentralCmdlet
    {
        public const string ListSet = "List";
        public const string ByIdSet = "ById";
        public const string ByExportSet = "ByExport";
        public const string ByExportObjectSet = "ByExportObject";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("DestinationId")]
        [ValidateGroupId]
        public string Id { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = ByExportSet, ValueFromPipelineByPropertyName = true)]
        [Alias("ExportId")]
        [ValidateGroupId]
        public string Export { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = ByExportObjectSet, ValueFromPipeline = true)]
        public Models.DataExport? InputObject { get; set; }

        protected override string ResourceKind => "ExportDestination";

        protected override void ProcessItem()
        {
            if (ParameterSetName == ByIdSet)
            {
                var id = Id;
                if (TryCall((c, ct) => c.DataExport.GetDestinationAsync(id, ct), id, out var destination))
                {
                    WriteObject(destination);
                }

                return;
            }

            var export = ParameterSetName == ByExportObjectSet ? InputObject!.Id : ParameterSetName == ByExportSet ? Export : null;
            try
            {
                var pages = export == null
                    ? ReadAllPages<ExportDestination>((c, link, ct) => c.DataExport.ListDestinationsAsync(link, ct))
                    : ReadAllPages<ExportDestination>((c, link, ct) => c.DataExport.ListDestinationsOfExportAsync(export, link, ct));
                foreach (var destination in pages)
                {
                    WriteObject(destination);
                }
            }
            catch (IoTCentralException exception)
            {
                ReportServiceError(exception, export);
            }
        }
    }
}
