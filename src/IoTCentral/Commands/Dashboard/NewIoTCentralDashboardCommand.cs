using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Validation;

namespace IoTCentral.Commands.Dashboard
{
    /// <summary>
    /// Creates a dashboard from a JSON file (-Path), JSON text (-Json) or an object (-Definition, also piped), after
    /// checking it against the preview spec; nothing is sent when it does not match. An existing id is replaced.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "IoTCentralDashboard", DefaultParameterSetName = DefinitionSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Models.Dashboard))]
    public sealed class NewIoTCentralDashboardCommand : DashboardCmdlet
    {
        // By property name too, so that a piped dashboard is copied under its own id unless -Id names another.
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("DashboardId")]
        [ValidateDashboardId]
        public string Id { get; set; } = string.Empty;

        // A piped object only supplies the document, so -Session may name another application: that is how to copy one.
        protected override bool ActsOnPipedObjects => false;

        protected override void ProcessItem()
        {
            var id = Id;
            Create(id, (c, body, ct) => c.Dashboards.CreateAsync(id, body, ct), DocumentView.ForPowerShell);
        }
    }
}
