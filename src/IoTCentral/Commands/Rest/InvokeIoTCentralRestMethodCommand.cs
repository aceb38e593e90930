using System;
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

            if (method != "GET" && !ShouldProcess(Path, method))
            {
                return;
            }

            bool? allowRetry = AllowRetry.IsPresent ? true : (bool?)null;
            try
            {
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
    }
}
