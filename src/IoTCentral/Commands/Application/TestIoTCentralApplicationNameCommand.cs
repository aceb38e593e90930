using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Models;

namespace IoTCentral.Commands.Application
{
    /// <summary>Tells whether an application name and/or subdomain can be used for a new application.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "IoTCentralApplicationName", DefaultParameterSetName = NameSet)]
    [OutputType(typeof(IoTCentralNameAvailability))]
    public sealed class TestIoTCentralApplicationNameCommand : ManagementCmdlet
    {
        public const string NameSet = "Name";
        public const string SubdomainSet = "Subdomain";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = SubdomainSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter(ParameterSetName = NameSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(Mandatory = true, ParameterSetName = SubdomainSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Subdomain { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? SubscriptionId { get; set; }

        protected override void ProcessItem()
        {
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
