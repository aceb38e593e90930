using System.Management.Automation;
using IoTCentral.Infrastructure;

namespace IoTCentral.Commands.FileUpload
{
    /// <summary>Removes the file upload configuration; devices can no longer upload files. -Wait waits until it is gone.</summary>
    [Cmdlet(VerbsCommon.Remove, "IoTCentralFileUpload", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveIoTCentralFileUploadCommand : FileUploadCmdlet
    {
        [Parameter(ValueFromPipeline = true)]
        public Models.FileUpload? InputObject { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessItem()
        {
            if (ShouldRemove(Force.IsPresent, "file upload configuration", "Remove")
                && TryCall((c, ct) => c.FileUploads.RemoveAsync(ct), "fileUploads"))
            {
                Settle(null, untilGone: true);
            }
        }
    }
}
