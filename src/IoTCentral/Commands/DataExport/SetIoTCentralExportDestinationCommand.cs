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
    /// Changes a data export destination with a merge patch: its name, a webhook's URL, headers and query parameters,
    /// or its secret (connection string, header authorization or client secret) within its current authorization kind.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "IoTCentralExportDestination", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ExportDestination))]
    public sealed class SetIoTCentralExportDestinationCommand : IoTCentralCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("DestinationId")]
        [ValidateGroupId]
        public string Id { get; set; } = string.Empty;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DisplayName { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public Uri? Url { get; set; }

        [Parameter]
        public Hashtable? Header { get; set; }

        [Parameter]
        public Hashtable? QueryParameter { get; set; }

        [Parameter]
        public SecureString? ConnectionString { get; set; }

        [Parameter]
        public SecureString? AuthorizationHeader { get; set; }

        [Parameter]
        public SecureString? ClientSecret { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override string ResourceKind => "ExportDestination";

        protected override void ProcessItem()
        {
            var changes = new Dictionary<string, object?>();
            PatchIfBound(changes, nameof(DisplayName), "displayName", () => DisplayName);
            PatchIfBound(changes, nameof(Url), "url", () => Url!.AbsoluteUri);
            foreach (var (parameter, json, values) in new[] { (nameof(Header), "headerCustomizations", Header), (nameof(QueryParameter), "queryCustomizations", QueryParameter) })
            {
                if (values == null)
                {
                    continue;
                }

                // A merge patch of the whole map: names given replace, the others stay.
                var customizations = DataExportInput.Customizations(values, "-" + parameter, out var problem);
                if (customizations == null)
                {
                    WriteArgumentError(ErrorIds.InvalidDestination, problem, Id);
                    return;
                }

                changes[json] = customizations;
            }

            var secrets = new List<string>();
            var authorization = new Dictionary<string, object?>();
            AddSecret(authorization, secrets, "connectionString", ConnectionString);
            AddSecret(authorization, secrets, "value", AuthorizationHeader);
            AddSecret(authorization, secrets, "clientSecret", ClientSecret);
            if (authorization.Count > 0)
            {
                changes["authorization"] = authorization;
            }

            if (changes.Count == 0)
            {
                WriteArgumentError(ErrorIds.NoChanges, "Give at least one change, such as -DisplayName, -Url or -ConnectionString.", Id);
                return;
            }

            var id = Id;
            var described = new List<string>(changes.Keys);
            described.Remove("authorization");
            described.AddRange(secrets);
            if (ShouldProcess("export destination '" + id + "'", "Update " + string.Join(", ", described)))
            {
                if (TryCall((c, ct) => c.DataExport.UpdateDestinationAsync(id, changes, ct), id, out var updated) && PassThru.IsPresent)
                {
                    WriteObject(updated);
                }
            }
        }

        private static void AddSecret(Dictionary<string, object?> authorization, List<string> names, string json, SecureString? value)
        {
            if (value != null)
            {
                authorization[json] = SecureStrings.ToPlainText(value);
                names.Add("authorization." + json);
            }
        }
    }
}
