using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Management.Automation;
using IoTCentral.Engine;

namespace IoTCentral.Infrastructure
{
    /// <summary>New- and Set-IoTCentralDashboard: the document parameters plus -Favorite, checked as the spec's Dashboard.</summary>
    public abstract class DashboardCmdlet : DocumentCmdlet
    {
        [Parameter]
        public SwitchParameter Favorite { get; set; }

        protected override string ResourceKind => "Dashboard";

        protected override string What => "dashboard";

        protected override string InvalidErrorId => ErrorIds.InvalidDashboard;

        protected override string ChangeParameters => "-Path, -Json, -Definition, -DisplayName, -Organization or -Favorite";

        /// <summary>A Dashboard's editable members; its tiles are the same objects as Definition.tiles.</summary>
        protected override OrderedDictionary? FromModel(object input)
        {
            if (!(input is Models.Dashboard dashboard))
            {
                return null;
            }

            var body = new OrderedDictionary(System.StringComparer.Ordinal)
            {
                ["displayName"] = dashboard.DisplayName,
                ["tiles"] = PSObjectTree.FromPowerShell(dashboard.Tiles),
                ["favorite"] = dashboard.Favorite,
            };
            if (dashboard.Organizations.Length > 0)
            {
                body["organizations"] = dashboard.Organizations;
            }

            if (dashboard.ETag != null)
            {
                body["etag"] = dashboard.ETag;
            }

            return body;
        }

        protected override IReadOnlyList<string> Problems(IDictionary body, bool patch) => DashboardsOperations.Validate(body, patch);

        protected override void AddSettings(OrderedDictionary body)
        {
            if (IsBound(nameof(Favorite)))
            {
                body["favorite"] = Favorite.IsPresent;
            }
        }
    }
}
