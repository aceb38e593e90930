using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using IoTCentral.Infrastructure;
using IoTCentral.Models;
using IoTCentral.Validation;

namespace IoTCentral.Commands.DataExport
{
    /// <summary>
    /// Creates (or replaces) a data export destination: a webhook (optionally with header or OAuth authorization), or
    /// Blob Storage, Event Hubs, Service Bus queue or topic by connection string or managed identity, or Azure Data
    /// Explorer by service principal or managed identity. Secrets are taken as SecureString and sent, never shown.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "IoTCentralExportDestination", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = WebhookSet)]
    [OutputType(typeof(ExportDestination))]
    public sealed class NewIoTCentralExportDestinationCommand : IoTCentralCmdlet
    {
        public const string WebhookSet = "Webhook";
        public const string WebhookOAuthSet = "WebhookOAuth";
        public const string ConnectionStringSet = "ConnectionString";
        public const string ManagedIdentitySet = "ManagedIdentity";
        public const string ServicePrincipalSet = "ServicePrincipal";

        private static readonly Dictionary<string, string> TypeNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["BlobStorage"] = "blobstorage@v1",
            ["DataExplorer"] = "dataexplorer@v1",
            ["EventHubs"] = "eventhubs@v1",
            ["ServiceBusQueue"] = "servicebusqueue@v1",
            ["ServiceBusTopic"] = "servicebustopic@v1",
        };

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("DestinationId")]
        [ValidateGroupId]
        public string Id { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? DisplayName { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = WebhookSet)]
        [Parameter(Mandatory = true, ParameterSetName = WebhookOAuthSet)]
        [ValidateNotNullOrEmpty]
        public Uri? Url { get; set; }

        [Parameter(ParameterSetName = WebhookSet)]
        [Parameter(ParameterSetName = WebhookOAuthSet)]
        public Hashtable? Header { get; set; }

        [Parameter(ParameterSetName = WebhookSet)]
        [Parameter(ParameterSetName = WebhookOAuthSet)]
        public Hashtable? QueryParameter { get; set; }

        [Parameter(ParameterSetName = WebhookSet)]
        public SecureString? AuthorizationHeader { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = WebhookOAuthSet)]
        [ValidateNotNullOrEmpty]
        public Uri? TokenUrl { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = WebhookOAuthSet)]
        [Parameter(Mandatory = true, ParameterSetName = ServicePrincipalSet)]
        [ValidateNotNullOrEmpty]
        public string? ClientId { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = WebhookOAuthSet)]
        [Parameter(Mandatory = true, ParameterSetName = ServicePrincipalSet)]
        public SecureString? ClientSecret { get; set; }

        [Parameter(ParameterSetName = WebhookOAuthSet)]
        public string? Audience { get; set; }

        [Parameter(ParameterSetName = WebhookOAuthSet)]
        public string? Scope { get; set; }

        [Parameter(ParameterSetName = WebhookOAuthSet)]
        [ValidateSet("auto", "json", "urlencoded")]
        public string? RequestType { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ConnectionStringSet)]
        [Parameter(Mandatory = true, ParameterSetName = ManagedIdentitySet)]
        [ValidateSet("BlobStorage", "DataExplorer", "EventHubs", "ServiceBusQueue", "ServiceBusTopic")]
        public string Type { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = ConnectionStringSet)]
        public SecureString? ConnectionString { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ManagedIdentitySet)]
        public SwitchParameter ManagedIdentity { get; set; }

        [Parameter(ParameterSetName = ConnectionStringSet)]
        [Parameter(ParameterSetName = ManagedIdentitySet)]
        [ValidateNotNullOrEmpty]
        public string? ContainerName { get; set; }

        [Parameter(ParameterSetName = ManagedIdentitySet)]
        [ValidateNotNullOrEmpty]
        public Uri? EndpointUri { get; set; }

        [Parameter(ParameterSetName = ManagedIdentitySet)]
        [ValidateNotNullOrEmpty]
        public string? HostName { get; set; }

        [Parameter(ParameterSetName = ManagedIdentitySet)]
        [ValidateNotNullOrEmpty]
        public string? EntityName { get; set; }

        [Parameter(ParameterSetName = ManagedIdentitySet)]
        [Parameter(Mandatory = true, ParameterSetName = ServicePrincipalSet)]
        [ValidateNotNullOrEmpty]
        public Uri? ClusterUrl { get; set; }

        [Parameter(ParameterSetName = ManagedIdentitySet)]
        [Parameter(Mandatory = true, ParameterSetName = ServicePrincipalSet)]
        [ValidateNotNullOrEmpty]
        public string? Database { get; set; }

        [Parameter(ParameterSetName = ManagedIdentitySet)]
        [Parameter(Mandatory = true, ParameterSetName = ServicePrincipalSet)]
        [ValidateNotNullOrEmpty]
        public string? Table { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ServicePrincipalSet)]
        [ValidateNotNullOrEmpty]
        public string? TenantId { get; set; }

        protected override string ResourceKind => "ExportDestination";

        protected override bool ActsOnPipedObjects => false;

        protected override void ProcessItem()
        {
            var body = Body(out var summary, out var problem);
            if (body == null)
            {
                WriteArgumentError(ErrorIds.InvalidDestination, problem, Id);
                return;
            }

            var id = Id;
            if (ShouldProcess("export destination '" + id + "'", "Create " + summary))
            {
                if (TryCall((c, ct) => c.DataExport.CreateDestinationAsync(id, body, ct), id, out var created))
                {
                    WriteObject(created);
                }
            }
        }

        /// <summary>The spec's body for the parameter set, or null with the problem; <paramref name="summary"/> names no secret.</summary>
        private Dictionary<string, object?>? Body(out string summary, out string problem)
        {
            problem = string.Empty;
            var body = new Dictionary<string, object?> { ["displayName"] = DisplayName ?? Id };
            if (ParameterSetName == WebhookSet || ParameterSetName == WebhookOAuthSet)
            {
                summary = "a webhook@v1 destination for " + Url!.GetLeftPart(UriPartial.Path);
                if (!Url.IsAbsoluteUri || (Url.Scheme != Uri.UriSchemeHttp && Url.Scheme != Uri.UriSchemeHttps))
                {
                    problem = "-Url must be an absolute http or https URL; got: " + Url;
                    return null;
                }

                body["type"] = "webhook@v1";
                body["url"] = Url.AbsoluteUri;
                if (!AddCustomizations(body, "headerCustomizations", Header, "-Header", ref problem)
                    || !AddCustomizations(body, "queryCustomizations", QueryParameter, "-QueryParameter", ref problem))
                {
                    return null;
                }

                if (ParameterSetName == WebhookOAuthSet)
                {
                    var auth = new Dictionary<string, object?>
                    {
                        ["type"] = "oauth",
                        ["tokenUrl"] = TokenUrl!.AbsoluteUri,
                        ["clientId"] = ClientId,
                        ["clientSecret"] = SecureStrings.ToPlainText(ClientSecret),
                    };
                    AddIfGiven(auth, "audience", Audience);
                    AddIfGiven(auth, "scope", Scope);
                    AddIfGiven(auth, "requestType", RequestType);
                    body["authorization"] = auth;
                }
                else if (AuthorizationHeader != null)
                {
                    body["authorization"] = new Dictionary<string, object?> { ["type"] = "header", ["value"] = SecureStrings.ToPlainText(AuthorizationHeader) };
                }

                return body;
            }

            if (ParameterSetName == ServicePrincipalSet)
            {
                summary = "a dataexplorer@v1 destination for " + ClusterUrl + " (service principal)";
                AddDataExplorer(body);
                body["authorization"] = new Dictionary<string, object?>
                {
                    ["type"] = "servicePrincipal",
                    ["clientId"] = ClientId,
                    ["tenantId"] = TenantId,
                    ["clientSecret"] = SecureStrings.ToPlainText(ClientSecret),
                };
                return body;
            }

            var type = TypeNames[Type];
            body["type"] = type;
            summary = "a " + type + " destination";
            var authorization = new Dictionary<string, object?>();
            body["authorization"] = authorization;
            if (ParameterSetName == ConnectionStringSet)
            {
                summary += " (connection string)";
                if (type == "dataexplorer@v1")
                {
                    problem = "An Azure Data Explorer destination takes a service principal (-ClusterUrl -Database -Table -TenantId -ClientId -ClientSecret) or -ManagedIdentity, not a connection string.";
                    return null;
                }

                authorization["type"] = "connectionString";
                authorization["connectionString"] = SecureStrings.ToPlainText(ConnectionString);
                return type == "blobstorage@v1" && !Require(authorization, "containerName", ContainerName, "-ContainerName", ref problem) ? null : body;
            }

            summary += " (system-assigned managed identity)";
            authorization["type"] = "systemAssignedManagedIdentity";
            switch (type)
            {
                case "blobstorage@v1":
                    return Require(authorization, "endpointUri", EndpointUri?.AbsoluteUri, "-EndpointUri", ref problem)
                        && Require(authorization, "containerName", ContainerName, "-ContainerName", ref problem) ? body : null;
                case "dataexplorer@v1":
                    if (ClusterUrl == null || Database == null || Table == null)
                    {
                        problem = "An Azure Data Explorer destination needs -ClusterUrl, -Database and -Table.";
                        return null;
                    }

                    AddDataExplorer(body);
                    return body;
                default:
                    var entity = type == "eventhubs@v1" ? "eventHubName" : type == "servicebusqueue@v1" ? "queueName" : "topicName";
                    return Require(authorization, "hostName", HostName, "-HostName", ref problem)
                        && Require(authorization, entity, EntityName, "-EntityName (the " + entity.Replace("Name", string.Empty) + " name)", ref problem) ? body : null;
            }
        }

        private void AddDataExplorer(Dictionary<string, object?> body)
        {
            body["type"] = "dataexplorer@v1";
            body["clusterUrl"] = ClusterUrl!.AbsoluteUri.TrimEnd('/');
            body["database"] = Database;
            body["table"] = Table;
        }

        private static bool AddCustomizations(Dictionary<string, object?> body, string name, Hashtable? values, string parameter, ref string problem)
        {
            if (values == null || values.Count == 0)
            {
                return true;
            }

            var customizations = DataExportInput.Customizations(values, parameter, out problem);
            body[name] = customizations;
            return customizations != null;
        }

        private static bool Require(Dictionary<string, object?> authorization, string name, string? value, string parameter, ref string problem)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problem = "This destination needs " + parameter + ".";
                return false;
            }

            authorization[name] = value;
            return true;
        }

        private static void AddIfGiven(Dictionary<string, object?> map, string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                map[name] = value;
            }
        }
    }
}
