using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Models;

namespace IoTCentral.Commands.Application
{
    /// <summary>Changes an application's display name, subdomain, SKU, identity or tags (a PATCH), and waits until it is done.</summary>
    [Cmdlet(VerbsCommon.Set, "IoTCentralApplication", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(IoTCentralApplication), typeof(IoTCentralApplicationOperation))]
    public sealed class SetIoTCentralApplicationCommand : ApplicationCmdlet
    {
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DisplayName { get; set; }

        [Parameter]
        [ValidatePattern(ApplicationNames.SubdomainPattern)]
        public string? Subdomain { get; set; }

        [Parameter]
        [ValidateSet("ST0", "ST1", "ST2")]
        public string? Sku { get; set; }

        [Parameter]
        [ValidateSet("SystemAssigned", "None")]
        public string? IdentityType { get; set; }

        /// <summary>The new tags; they replace the old ones (@{} removes them all).</summary>
        [Parameter]
        [Alias("Tags")]
        [ValidateNotNull]
        public Hashtable? Tag { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Return the operation at once instead of waiting for it.</summary>

        protected override void ProcessItem()
        {
            var patch = new Dictionary<string, object?>();
            var properties = new Dictionary<string, object?>();
            if (DisplayName != null)
            {
                properties["displayName"] = DisplayName;
            }

            if (Subdomain != null)
            {
                properties["subdomain"] = Subdomain;
            }

            if (properties.Count > 0)
            {
                patch["properties"] = properties;
            }

            if (Sku != null)
            {
                patch["sku"] = new Dictionary<string, object?> { ["name"] = Sku };
            }

            if (IdentityType != null)
            {
                patch["identity"] = new Dictionary<string, object?> { ["type"] = IdentityType };
            }

            if (Tag != null)
            {
                patch["tags"] = Tags(Tag);
            }

            if (patch.Count == 0)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new System.ArgumentException("Give at least one of -DisplayName, -Subdomain, -Sku, -IdentityType or -Tag."),
                    ErrorIds.NoChanges,
                    ErrorCategory.InvalidArgument,
                    Name));
            }

            var subscription = ResolveSubscription(SubscriptionId);
            if (!ShouldProcess(Describe(subscription), "Update " + string.Join(", ", patch.Keys)))
            {
                return;
            }

            var name = Name;
            var group = ResourceGroup;
            if (RunToCompletion((c, ct) => c.BeginUpdateAsync(subscription, group, name, patch, ct)) && PassThru.IsPresent)
            {
                var updated = TryRead(subscription);
                if (updated != null)
                {
                    WriteObject(updated);
                }
            }
        }
    }
}
