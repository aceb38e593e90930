using System.Management.Automation;
using IoTCentral.Models;
using IoTCentral.Validation;

namespace IoTCentral.Commands.DataExport
{
    /// <summary>Lists the application's data exports, gets one by id, or lists the exports that send to a destination.</summary>
    [Cmdlet(VerbsCommon.Get, "IoTCentralExport", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Models.DataExport))]
    public sealed class GetIoTCentralExportCommand : IoTCentralCmdlet
    {
        public const string ListSet = "List";
        public const string ByIdSet = "ById";
        public const string ByDestinationSet = "ByDestination";
        public const string ByDestinationObjectSet = "ByDestinationObject";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ExportId")]
        [ValidateGroupId]
        public string Id { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = ByDestinationSet, ValueFromPipelineByPropertyName = true)]
        [Alias("DestinationId")]
        [ValidateGroupId]
        public string Destination { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = ByDestinationObjectSet, ValueFromPipeline = true)]
        public ExportDestination? InputObject { get; set; }

        protected override string ResourceKind => "Export";

        protected override void ProcessItem()
        {
            if (ParameterSetName == ByIdSet)
            {
                var id = Id;
                if (TryCall((c, ct) => c.DataExport.GetExportAsync(id, ct), id, out var export))
                {
                    WriteObject(export);
                }

                return;
            }

            var destination = ParameterSetName == ByDestinationObjectSet ? InputObject!.Id : ParameterSetName == ByDestinationSet ? Destination : null;
            try
            {
                var pages = destination == null
                    ? ReadAllPages<Models.DataExport>((c, link, ct) => c.DataExport.ListExportsAsync(link, ct))
                    : ReadAllPages<Models.DataExport>((c, link, ct) => c.DataExport.ListExportsOfDestinationAsync(destination, link, ct));
                foreach (var export in pages)
                {
                    WriteObject(export);
                }
            }
            catch (IoTCentralException exception)
            {
                ReportServiceError(exception, destination);
            }
        }
    }
}
