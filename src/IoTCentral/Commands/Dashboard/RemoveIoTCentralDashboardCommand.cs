using System.Management.Automation;
using IoTCentral.Validation;

namespace IoTCentral.Commands.Dashboard
{
    /// <summary>Deletes a dashboard.</summary>
    [Cmdlet(VerbsCommon.Remove, "IoTCentralDashboard", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveIoTCentralDashboardCommand : IoTCentralCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("DashboardId")]
        [ValidateDashboardId]
        public string Id { get; set; } = string.Empty;

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override string ResourceKind => "Dashboard";

        protected override void ProcessItem()
        {
            var id = Id;
            if (ShouldRemove(Force.IsPresent, "dashboard '" + id + "'", "Remove"))
            {
                TryCall((c, ct) => c.Dashboards.RemoveAsync(id, ct), id);
            }
        }
    }
}
