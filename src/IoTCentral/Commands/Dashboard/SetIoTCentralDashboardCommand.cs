using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Validation;

namespace IoTCentral.Commands.Dashboard
{
    /// <summary>
    /// Changes a dashboard with a JSON merge patch: the members of the document given (-Path, -Json or -Definition,
    /// also a piped dashboard read and edited) and of the other parameters. The etag of a piped dashboard, or -ETag,
    /// guards the change. Emits nothing unless -PassThru.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "IoTCentralDashboard", DefaultParameterSetName = DefinitionSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Models.Dashboard))]
    public sealed class SetIoTCentralDashboardCommand : DashboardCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("DashboardId")]
        [ValidateDashboardId]
        public string Id { get; set; } = string.Empty;

        /// <summary>Change only if the dashboard still has this etag (412 otherwise).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ETag { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessItem()
        {
            var id = Id;
            Update(id, ETag, PassThru.IsPresent, (c, changes, ct) => c.Dashboards.UpdateAsync(id, changes, ct), DocumentView.ForPowerShell);
        }
    }
}
