using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Models;

namespace IoTCentral.Commands.Application
{
    /// <summary>Tells whether an application name and/or subdomain can be used for a new application.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "IoTCentralApplicationName")]
    [OutputType(typeof(IoTCentralNameAvailability))]
    public sealed class TestIoTCentralApplicationNameCommand : ManagementCmdlet
    {
        /// <summary>An application (resource) name; unique across IoT Central.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>A subdomain; unique across IoT Central.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Subdomain { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? SubscriptionId { get; set; }

        protected override void ProcessItem()
        {
            if (Name == null && Subdomain == null)
            {
                ThrowTerminatingError(new ErrorRecord(new System.ArgumentException("Give -Name, -Subdomain or both."), "IoTCentral.NameRequired", ErrorCategory.InvalidArgument, null));
            }

            var subscription = ResolveSubscription(SubscriptionId);
            foreach (var (value, subdomain) in new[] { (Name, false), (Subdomain, true) })
            {
                if (value != null && TryCall((c, ct) => c.CheckAvailabilityAsync(subscription, value, subdomain, ct), value, out var availability))
                {
                    WriteObject(availability);
                }
            }
        }
    }
}
