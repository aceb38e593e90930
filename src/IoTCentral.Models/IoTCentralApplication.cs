using System;
using System.Collections.Generic;

namespace IoTCentral.Models
{
    /// <summary>
    /// An IoT Central application as Azure Resource Manager describes it (Microsoft.IoTCentral/iotApps). Pipe it to
    /// Connect-IoTCentral to sign in to the application itself, or to Set-/Remove-IoTCentralApplication.
    /// </summary>
    public sealed class IoTCentralApplication
    {
        public IoTCentralApplication()
        {
        }

        public IoTCentralApplication(string name, string resourceGroup, string subscriptionId, string subdomain, Uri? applicationUrl)
        {
            Name = name;
            ResourceGroup = resourceGroup;
            SubscriptionId = subscriptionId;
            Subdomain = subdomain;
            ApplicationUrl = applicationUrl;
        }

        /// <summary>The resource name (unique across IoT Central).</summary>
        public string? Name { get; set; }

        public string? ResourceGroup { get; set; }

        public string? SubscriptionId { get; set; }

        /// <summary>The Azure Resource Manager resource id.</summary>
        public string? Id { get; set; }

        public string? Location { get; set; }

        /// <summary>ST0, ST1 or ST2.</summary>
        public string? Sku { get; set; }

        public string? DisplayName { get; set; }

        public string? Subdomain { get; set; }

        /// <summary>Where the application's REST API lives: https://{subdomain}.azureiotcentral.com, or an emulator's loopback URL.</summary>
        public Uri? ApplicationUrl { get; set; }

        /// <summary>The IoT Central application id (a GUID).</summary>
        public string? ApplicationId { get; set; }

        public string? Template { get; set; }

        /// <summary>created or suspended.</summary>
        public string? State { get; set; }

        public IDictionary<string, string> Tags { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>SystemAssigned or None.</summary>
        public string? IdentityType { get; set; }

        public string? IdentityPrincipalId { get; set; }

        public string? IdentityTenantId { get; set; }

        /// <summary>The management session that read the application; lets a pipeline act with the same sign-in.</summary>
        internal IoTCentralManagementSession? Origin { get; set; }

        public override string ToString() => Name ?? string.Empty;
    }

    /// <summary>An application template offered when creating an application (the spec's AppTemplate).</summary>
    public sealed class IoTCentralApplicationTemplate
    {
        public string? Id { get; set; }

        public string? Version { get; set; }

        public string? Name { get; set; }

        public string? Title { get; set; }

        public string? Industry { get; set; }

        public string? Description { get; set; }

        public double? Order { get; set; }

        /// <summary>The ids of the locations (regions) the template can be created in.</summary>
        public IList<string> Locations { get; set; } = new List<string>();

        /// <summary>The value for New-IoTCentralApplication -Template: id@version.</summary>
        public string TemplateId => Version == null ? Id ?? string.Empty : Id + "@" + Version;

        public override string ToString() => TemplateId;
    }

    /// <summary>Whether a name or subdomain can be used for a new application (Test-IoTCentralApplicationName).</summary>
    public sealed class IoTCentralNameAvailability
    {
        public string? Name { get; set; }

        /// <summary>Name or Subdomain.</summary>
        public string? Kind { get; set; }

        public bool Available { get; set; }

        /// <summary>AlreadyExists or Invalid when not available.</summary>
        public string? Reason { get; set; }

        public string? Message { get; set; }
    }

    /// <summary>
    /// A long-running create, update or delete of an application that -NoWait did not wait for. Pass it to
    /// Wait-IoTCentralApplicationOperation to wait for its end.
    /// </summary>
    public sealed class IoTCentralApplicationOperation
    {
        /// <summary>Create, Update or Delete.</summary>
        public string? Action { get; set; }

        public string? Name { get; set; }

        public string? ResourceGroup { get; set; }

        public string? SubscriptionId { get; set; }

        /// <summary>InProgress, Succeeded, Failed or Canceled.</summary>
        public string? Status { get; set; }

        /// <summary>The Azure-AsyncOperation URL to poll for the status.</summary>
        public Uri? StatusUrl { get; set; }

        /// <summary>The Location URL to poll for the result.</summary>
        public Uri? ResultUrl { get; set; }

        /// <summary>How long the service asked to wait before the next poll.</summary>
        public TimeSpan RetryAfter { get; set; }

        public DateTimeOffset StartedOn { get; set; } = DateTimeOffset.UtcNow;

        internal IoTCentralManagementSession? Origin { get; set; }

        public override string ToString() => $"{Action} {Name}: {Status}";
    }
}
