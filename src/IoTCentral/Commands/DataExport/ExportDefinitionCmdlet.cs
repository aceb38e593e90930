using System.Collections;
using System.Collections.Generic;
using IoTCentral.Infrastructure;

namespace IoTCentral.Commands.DataExport
{
    /// <summary>What New- and Set-IoTCentralExport share: turning -Filter, -Enrichment and -Destination into the spec's members, checked first.</summary>
    public abstract class ExportDefinitionCmdlet : IoTCentralCmdlet
    {
        protected override string ResourceKind => "Export";

        /// <summary>Adds the members the user gave to <paramref name="body"/>; false after writing an argument error.</summary>
        protected bool AddDefinition(Dictionary<string, object?> body, string id, string? filter, IDictionary? enrichments, object[]? destinations)
        {
            if (filter != null)
            {
                var problem = DataExportInput.FilterProblem(filter);
                if (problem != null)
                {
                    WriteArgumentError(ErrorIds.InvalidFilter, problem, filter);
                    return false;
                }

                body["filter"] = filter;
            }

            if (enrichments != null)
            {
                var map = DataExportInput.Enrichments(enrichments, out var problem);
                if (map == null)
                {
                    WriteArgumentError(ErrorIds.InvalidEnrichment, problem, id);
                    return false;
                }

                body["enrichments"] = map;
            }

            if (destinations != null)
            {
                var references = DataExportInput.Destinations(destinations, out var problem);
                if (references == null)
                {
                    WriteArgumentError(ErrorIds.InvalidDestination, problem, id);
                    return false;
                }

                body["destinations"] = references;
            }

            return true;
        }
    }
}
