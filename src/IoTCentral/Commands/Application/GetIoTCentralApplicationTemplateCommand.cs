using System.Linq;
using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Models;

namespace IoTCentral.Commands.Application
{
    /// <summary>Lists the application templates New-IoTCentralApplication -Template accepts.</summary>
    [Cmdlet(VerbsCommon.Get, "IoTCentralApplicationTemplate")]
    [OutputType(typeof(IoTCentralApplicationTemplate))]
    public sealed class GetIoTCentralApplicationTemplateCommand : ManagementCmdlet
    {
        /// <summary>The template's id or name; wildcards allowed.</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Only templates offered in this region.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Location { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? SubscriptionId { get; set; }

        protected override void ProcessItem()
        {
            var subscription = ResolveSubscription(SubscriptionId);
            if (!TryCall((c, ct) => c.ListTemplatesAsync(subscription, ct), subscription, out var templates))
            {
                return;
            }

            var pattern = Name == null ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase);
            foreach (var template in templates)
            {
                var named = pattern == null || pattern.IsMatch(template.Id ?? string.Empty) || pattern.IsMatch(template.Name ?? string.Empty);
                var offered = Location == null || template.Locations.Any(l => string.Equals(l, Location.Replace(" ", string.Empty), System.StringComparison.OrdinalIgnoreCase));
                if (named && offered)
                {
                    WriteObject(template);
                }
            }
        }
    }
}
