using System.Management.Automation;
using IoTCentral.Infrastructure;

namespace IoTCentral.Commands.FileUpload
{
    /// <summary>Gets the application's file upload configuration and its provisioning state; -Wait waits until it settles.</summary>
    [Cmdlet(VerbsCommon.Get, "IoTCentralFileUpload")]
    [OutputType(typeof(Models.FileUpload))]
    public sealed class GetIoTCentralFileUploadCommand : FileUploadCmdlet
    {
        protected override void ProcessItem()
        {
            if (TryCall((c, ct) => c.FileUploads.GetAsync(ct), "fileUploads", out var upload) && Settle(upload, untilGone: false) is { } settled)
            {
                WriteObject(settled);
            }
        }
    }
}
