using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using IoTCentral.Infrastructure;

namespace IoTCentral.Commands.FileUpload
{
    /// <summary>
    /// Changes the file upload configuration (a merge-patch of the parameters given); the service provisions the
    /// change in the background (state updating). Emits nothing unless -PassThru. A piped configuration's etag
    /// guards the change, so a configuration changed meanwhile is not overwritten.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "IoTCentralFileUpload", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Models.FileUpload))]
    public sealed class SetIoTCentralFileUploadCommand : FileUploadCmdlet
    {
        [Parameter(ValueFromPipeline = true)]
        public Models.FileUpload? InputObject { get; set; }

        [Parameter]
        [ValidateNotNull]
        public SecureString? ConnectionString { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Container { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Account { get; set; }

        [Parameter]
        public TimeSpan? SasTtl { get; set; }

        [Parameter]
        public SwitchParameter ReadAccess { get; set; }

        /// <summary>Change only if the configuration still has this etag (412 otherwise).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ETag { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessItem()
        {
            var changes = new Dictionary<string, object?>();
            AddSettings(changes, ConnectionString, Container, Account, SasTtl, IsBound(nameof(ReadAccess)) ? ReadAccess.IsPresent : (bool?)null);
            if (changes.Count == 0)
            {
                ThrowArgumentError(ErrorIds.NoChanges, "Specify what to change: -ConnectionString, -Container, -Account, -SasTtl or -ReadAccess.", null);
            }

            if ((ETag ?? InputObject?.ETag) is { } etag)
            {
                changes["etag"] = etag;
            }

            var names = new List<string>(changes.Keys);
            names.Remove("etag");
            if (!ShouldProcess("file upload configuration", "Update " + string.Join(", ", names)))
            {
                return;
            }

            if (TryCall((c, ct) => c.FileUploads.UpdateAsync(changes, ct), "fileUploads", out var updated)
                && Settle(updated, untilGone: false) is { } settled && PassThru.IsPresent)
            {
                WriteObject(settled);
            }
        }
    }
}
