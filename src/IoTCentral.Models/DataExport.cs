using System;
using System.Collections;
using System.Collections.Generic;

namespace IoTCentral.Models
{
    /// <summary>
    /// A data export: what it sends (Source, narrowed by Filter), what it adds (Enrichments) and where (Destinations),
    /// with the health the application reports (Status, Errors, LastExportTime).
    /// </summary>
    public sealed class DataExport : IoTCentralObject
    {
        public DataExport()
        {
        }

        public DataExport(Uri? applicationUrl)
            : base(applicationUrl)
        {
        }

        public string Id { get; set; } = string.Empty;

        public string? DisplayName { get; set; }

        public bool Enabled { get; set; }

        /// <summary>telemetry, properties, deviceLifecycle, deviceTemplateLifecycle, deviceConnectivity or audit.</summary>
        public string Source { get; set; } = string.Empty;

        /// <summary>A query (SELECT * FROM &lt;template&gt; WHERE ...) that narrows what is sent; null sends everything.</summary>
        public string? Filter { get; set; }

        /// <summary>Name to enrichment: a static value, or a target template and property path.</summary>
        public DataExportEnrichment[] Enrichments { get; set; } = Array.Empty<DataExportEnrichment>();

        public DataExportDestinationReference[] Destinations { get; set; } = Array.Empty<DataExportDestinationReference>();

        /// <summary>The health the application reports, such as healthy or error.</summary>
        public string? Status { get; set; }

        public DataExportError[] Errors { get; set; } = Array.Empty<DataExportError>();

        public DateTimeOffset? LastExportTime { get; set; }

        public override string ToString() => Id;
    }

    /// <summary>A value an export adds to each message under Name: Value, or the property at Path of the Target template.</summary>
    public sealed class DataExportEnrichment
    {
        public string Name { get; set; } = string.Empty;

        public object? Value { get; set; }

        public string? Target { get; set; }

        public string? Path { get; set; }

        public override string ToString() => Name;
    }

    /// <summary>A destination an export sends to, with the transform applied on the way (null: none).</summary>
    public sealed class DataExportDestinationReference
    {
        public string Id { get; set; } = string.Empty;

        public string? Transform { get; set; }

        public override string ToString() => Id;
    }

    /// <summary>A problem an export or destination reports.</summary>
    public sealed class DataExportError
    {
        public string? Code { get; set; }

        public string? Message { get; set; }

        public override string ToString() => Code + ": " + Message;
    }

    /// <summary>
    /// Where exports send data: Type (blobstorage@v1, dataexplorer@v1, eventhubs@v1, servicebusqueue@v1,
    /// servicebustopic@v1, webhook@v1), its settings and authorization kind. Secrets (connection strings, client
    /// secrets, header values, secret customizations) are never kept here.
    /// </summary>
    public sealed class ExportDestination : IoTCentralObject
    {
        public ExportDestination()
        {
        }

        public ExportDestination(Uri? applicationUrl)
            : base(applicationUrl)
        {
        }

        public string Id { get; set; } = string.Empty;

        public string? DisplayName { get; set; }

        public string Type { get; set; } = string.Empty;

        /// <summary>connectionString, systemAssignedManagedIdentity, servicePrincipal, header or oauth; null for a webhook without.</summary>
        public string? AuthorizationType { get; set; }

        /// <summary>The webhook's URL (without its query customizations).</summary>
        public string? Url { get; set; }

        /// <summary>The type's other settings that are not secret (containerName, endpointUri, clusterUrl, database, table, hostName, clientId, tokenUrl, ...).</summary>
        public IDictionary Settings { get; set; } = new Hashtable();

        /// <summary>The names of the webhook's header customizations (their values are not shown).</summary>
        public string[] HeaderNames { get; set; } = Array.Empty<string>();

        /// <summary>The names of the webhook's query customizations (their values are not shown).</summary>
        public string[] QueryParameterNames { get; set; } = Array.Empty<string>();

        /// <summary>When listed for an export: the transform that export applies before sending here.</summary>
        public string? Transform { get; set; }

        public string? Status { get; set; }

        public DataExportError[] Errors { get; set; } = Array.Empty<DataExportError>();

        public DateTimeOffset? LastExportTime { get; set; }

        public override string ToString() => Id;
    }
}
