using System;
using System.Collections;
using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Models;

namespace IoTCentral.Commands.Rest
{
    /// <summary>
    /// The escape hatch: any operation of the REST API with the session's sign-in, throttling, retries and
    /// redaction, for what the module has no cmdlet for yet.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "IoTCentralRestMethod", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PSObject))]
    public sealed class InvokeIoTCentralRestMethodCommand : IoTCentralCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateSet("GET", "PUT", "PATCH", "POST", "DELETE", IgnoreCase = true)]
        public string Method { get; set; } = "GET";

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        [Parameter(ValueFromPipeline = true)]
        public object? Body { get; set; }

        [Parameter]
        [ValidatePattern(@"^\d{4}-\d{2}-\d{2}(-preview)?$")]
        public string? ApiVersion { get; set; }

        [Parameter]
        public SwitchParameter AllowRetry { get; set; }

        /// <summary>Follows nextLink and writes each item of every page's value, instead of the first page as it came.</summary>
        [Parameter]
        public SwitchParameter All { get; set; }

        protected override string ResourceKind => "Request";

        protected override void ProcessItem()
        {
            var method = Method.ToUpperInvariant();
            object? body;
            try
            {
                body = PSObjectTree.FromPowerShell(Body);
            }
            catch (ArgumentException exception)
            {
                WriteArgumentError(ErrorIds.InvalidBody, exception.Message, Body);
                return;
            }

            if (All.IsPresent && method != "GET")
            {
                WriteArgumentError(ErrorIds.AllNeedsGet, $"-All follows nextLink, which only a GET list answers; it cannot be used with {method}.", Path);
                return;
            }

            // The text names the method and the path only: a body may hold secrets (connection strings, keys).
            if (method != "GET" && !ShouldProcess(Path, method))
            {
                return;
            }

            bool? allowRetry = AllowRetry.IsPresent ? true : (bool?)null;
            try
            {
                if (All.IsPresent)
                {
                    WriteAllPages(allowRetry);
                    return;
                }

                var response = Call((c, ct) => c.SendAsync(method, Path, body, ApiVersion, allowRetry, ct));
                var output = PSObjectTree.ToPowerShell(response.Body);
                if (output != null)
                {
                    WriteObject(output, enumerateCollection: true);
                }
            }
            catch (IoTCentralException exception)
            {
                ReportServiceError(exception, Path);
            }
            catch (ArgumentException exception)
            {
                WriteArgumentError(ErrorIds.InvalidPath, exception.Message, Path);
            }
        }

        /// <summary>
        /// Each page is requested only when the previous one has been written, so Select-Object -First stops the paging.
        /// A nextLink already carries its api-version, so the first request's choice holds for every page.
        /// </summary>
        private void WriteAllPages(bool? allowRetry)
        {
            string? link = Path;
            while (link != null)
            {
                var current = link;
                var response = Call((c, ct) => c.SendAsync("GET", current, null, ApiVersion, allowRetry, ct));
                if (!(response.Body is IDictionary page) || !(page["value"] is object?[] items))
                {
                    // Not a collection: there is nothing to page, so the answer is written as it came.
                    var single = PSObjectTree.ToPowerShell(response.Body);
                    if (single != null)
                    {
                        WriteObject(single);
                    }

                    return;
                }

                foreach (var item in items)
                {
                    var converted = PSObjectTree.ToPowerShell(item);
                    if (converted != null)
                    {
                        WriteObject(converted);
                    }
                }

                link = page["nextLink"] as string;
                if (string.IsNullOrEmpty(link))
                {
                    link = null;
                }
            }
        }
    }
}
