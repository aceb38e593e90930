using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using IoTCentral.Infrastructure;

namespace IoTCentral.Commands.FileUpload
{
    /// <summary>
    /// Configures where devices upload files: a storage account (its connection string, a SecureString) and a
    /// container. The service provisions it in the background (state pending); -Wait waits until it has.
    /// Replaces an existing configuration.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "IoTCentralFileUpload", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Models.FileUpload))]
    public sealed class NewIoTCentralFileUploadCommand : FileUploadCmdlet
    {
        [Parameter(Mandatory = true)]
        [ValidateNotNull]
        public SecureString ConnectionString { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Container { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Account { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public TimeSpan? SasTtl { get; set; }

        [Parameter]
        public SwitchParameter ReadAccess { get; set; }

        // Piped values only supply settings, so -Session may name another application: that is how to copy one.
        protected override bool ActsOnPipedObjects => false;

        protected override void ProcessItem()
        {
            var body = new Dictionary<string, object?>();
            AddSettings(body, ConnectionString, Container, Account, SasTtl, IsBound(nameof(ReadAccess)) ? ReadAccess.IsPresent : (bool?)null);
            if (ShouldProcess("file upload configuration (container '" + Container + "')", "Configure")
                && TryCall((c, ct) => c.FileUploads.CreateAsync(body, ct), "fileUploads", out var created)
                && Settle(created, untilGone: false) is { } settled)
            {
                WriteObject(settled);
            }
        }
    }
}
