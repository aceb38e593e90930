using System.Globalization;
using System.Management.Automation;
using IoTCentral.Engine;
using IoTCentral.Infrastructure;
using IoTCentral.Models;

namespace IoTCentral.Commands.Query
{
    /// <summary>
    /// Runs an IoT Central query (SELECT ... FROM &lt;template&gt; ...) and writes one IoTCentral.QueryRow per result
    /// row. The documented limits are checked before sending; the query API exists only in the preview api-version.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "IoTCentralQuery")]
    [OutputType(typeof(PSObject))]
    public sealed class InvokeIoTCentralQueryCommand : IoTCentralCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Query { get; set; } = string.Empty;

        protected override string ResourceKind => "Query";

        protected override void ProcessItem()
        {
            var query = Query;
            var text = QueryText.TryParse(query, out var problem);
            if (text == null)
            {
                WriteArgumentError(ErrorIds.InvalidQuery, problem, query);
                return;
            }

            WriteVerbose("Query (api-version " + QueryOperations.ApiVersion + "): " + query);
            if (!TryCall((c, ct) => c.Query.RunAsync(query, ct), query, out var rows))
            {
                return;
            }

            foreach (var row in rows)
            {
                WriteObject(QueryRow.ToPSObject(row));
            }

            var cap = text.ReachedCap(rows.Count);
            if (cap.HasValue)
            {
                WriteWarning(string.Format(
                    CultureInfo.InvariantCulture,
                    "The query returned {0:N0} rows, the most IoT Central returns for a {1} query, so rows may be missing. Narrow it with WHERE (for example WITHIN_WINDOW(PT1H) or $id = '...') or use TOP with ORDER BY.",
                    rows.Count,
                    cap.Value == QueryText.TelemetryRowCap ? "telemetry" : "property"));
            }
        }
    }
}
