using System.Linq;
using System.Management.Automation;
using IoTCentral.Engine;
using IoTCentral.Infrastructure;
using IoTCentral.Models;

namespace IoTCentral.Commands.Application
{
    /// <summary>Lists the IoT Central applications of a subscription or resource group, or gets one by name.</summary>
    [Cmdlet(VerbsCommon.Get, "IoTCentralApplication")]
    [OutputType(typeof(IoTCentralApplication))]
    public sealed class GetIoTCentralApplicationCommand : ManagementCmdlet
    {
        /// <summary>The application's name; wildcards allowed.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ResourceGroupName")]
        [ValidateNotNullOrEmpty]
        public string? ResourceGroup { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? SubscriptionId { get; set; }

        protected override void ProcessItem()
        {
            var subscription = ResolveSubscription(SubscriptionId);
            var group = ResourceGroup;
            if (Name != null && group != null && !WildcardPattern.ContainsWildcardCharacters(Name))
            {
                var name = Name;
                if (TryCall((c, ct) => c.GetAsync(subscription, group, name, ct), name, out var app))
                {
                    app.Origin = Target;
                    WriteObject(app);
                }

                return;
            }

            var pattern = Name == null ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase);
            var found = false;
            string? next = null;
            do
            {
                var link = next;
                if (!TryCall((c, ct) => c.ListAsync(subscription, group, link, ct), group ?? subscription, out Page<IoTCentralApplication> page))
                {
                    return;
                }

                foreach (var app in page.Items.Where(a => pattern == null || pattern.IsMatch(a.Name ?? string.Empty)))
                {
                    found = true;
                    app.Origin = Target;
                    WriteObject(app);
                }

                next = page.NextLink;
            }
            while (!string.IsNullOrEmpty(next));

            if (!found && Name != null && !WildcardPattern.ContainsWildcardCharacters(Name))
            {
                WriteError(new ErrorRecord(
                    new ItemNotFoundException("No IoT Central application named '" + Name + "' in " + (group == null ? "subscription " + subscription : "resource group '" + group + "'") + "."),
                    "IoTCentral.ApplicationNotFound",
                    ErrorCategory.ObjectNotFound,
                    Name));
            }
        }
    }
}
