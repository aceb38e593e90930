using System.Management.Automation;
using IoTCentral.Validation;

namespace IoTCentral.Commands.DeviceTemplate
{
    /// <summary>Deletes a published device template (the service refuses while devices still use it).</summary>
    [Cmdlet(VerbsCommon.Remove, "IoTCentralDeviceTemplate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveIoTCentralDeviceTemplateCommand : IoTCentralCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("TemplateId")]
        [ValidateTemplateId]
        public string Id { get; set; } = string.Empty;

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override string ResourceKind => "DeviceTemplate";

        protected override void ProcessItem()
        {
            var id = Id;
            if (ShouldRemove(Force.IsPresent, "device template '" + id + "'", "Remove"))
            {
                TryCall((c, ct) => c.DeviceTemplates.RemoveAsync(id, ct), id);
            }
        }
    }
}
