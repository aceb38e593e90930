using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Validation;

namespace IoTCentral.Commands.Dashboard
{
    /// <summary>Lists the application's dashboards, streaming page by page, or gets one by id (preview api-version).</summary>
    [Cmdlet(VerbsCommon.Get, "IoTCentralDashboard", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Models.Dashboard))]
    public sealed class GetIoTCentralDashboardCommand : ListQueryCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("DashboardId")]
        [ValidateDashboardId]
        public string Id { get; set; } = string.Empty;

        protected override string ResourceKind => "Dashboard";

        protected override void ProcessItem()
        {
            if (ParameterSetName == ByIdSet)
            {
                var id = Id;
                WriteOne((c, ct) => c.Dashboards.GetAsync(id, ct), id, DocumentView.ForPowerShell);

                return;
            }

            var options = ListOptions();
            WriteAllPages((c, link, ct) => c.Dashboards.ListAsync(options, link, ct), Filter, DocumentView.ForPowerShell);
        }
    }
}
