using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using IoTCentral.Models;

namespace IoTCentral.Commands.Application
{
    /// <summary>
    /// Creates an IoT Central application through Azure Resource Manager and waits until it is ready (or, with
    /// -NoWait, returns the operation to wait for later).
    /// </summary>
    [Cmdlet(VerbsCommon.New, "IoTCentralApplication", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(IoTCentralApplication), typeof(IoTCentralApplicationOperation))]
    public sealed class NewIoTCentralApplicationCommand : ApplicationCmdlet
    {
        /// <summary>The Azure region, such as westeurope.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string Location { get; set; } = string.Empty;

        /// <summary>The application's subdomain; default: the name in lower case.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidatePattern(ApplicationNames.SubdomainPattern)]
        public string? Subdomain { get; set; }

        [Parameter]
        [ValidateSet("ST0", "ST1", "ST2")]
        public string Sku { get; set; } = "ST2";

        /// <summary>An application template id (Get-IoTCentralApplicationTemplate); default: a custom application.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Template { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DisplayName { get; set; }

        [Parameter]
        [ValidateSet("SystemAssigned", "None")]
        public string? IdentityType { get; set; }

        [Parameter]
        [Alias("Tags")]
        [ValidateNotNull]
        public Hashtable? Tag { get; set; }

        /// <summary>Return the operation at once instead of waiting for the application.</summary>

        protected override void ProcessItem()
        {
            var subscription = ResolveSubscription(SubscriptionId);
            var subdomain = Subdomain ?? Name.ToLowerInvariant();
            if (!ShouldProcess(Describe(subscription) + " in " + Location + " at subdomain '" + subdomain + "'", "Create"))
            {
                return;
            }

            var name = Name;
            var group = ResourceGroup;

            // A PUT on an existing application would change it; New- only creates.
            try
            {
                Call((c, ct) => c.GetAsync(subscription, group, name, ct));
                WriteError(new ErrorRecord(
                    new System.InvalidOperationException(Describe(subscription) + " already exists. Change it with Set-IoTCentralApplication."),
                    "IoTCentral.ApplicationAlreadyExists",
                    ErrorCategory.ResourceExists,
                    name));
                return;
            }
            catch (IoTCentralException exception) when (exception.Status == 404)
            {
                // Not there yet: create it.
            }
            catch (IoTCentralException exception)
            {
                ReportError(exception, name);
                return;
            }

            var properties = new Dictionary<string, object?> { ["subdomain"] = subdomain, ["displayName"] = DisplayName ?? name };
            if (Template != null)
            {
                properties["template"] = Template;
            }

            var body = new Dictionary<string, object?>
            {
                ["location"] = Location,
                ["sku"] = new Dictionary<string, object?> { ["name"] = Sku },
                ["properties"] = properties,
            };
            if (Tag != null)
            {
                body["tags"] = Tags(Tag);
            }

            if (IdentityType != null)
            {
                body["identity"] = new Dictionary<string, object?> { ["type"] = IdentityType };
            }

            if (!RunToCompletion((c, ct) => c.BeginCreateOrUpdateAsync(subscription, group, name, body, ct)))
            {
                return;
            }

            var created = TryRead(subscription);
            if (created != null)
            {
                WriteObject(created);
            }
        }
    }
}
