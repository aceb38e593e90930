using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Models;
using IoTCentral.Validation;

namespace IoTCentral.Commands.DeviceTemplate
{
    /// <summary>Lists the published device templates, streaming page by page, or gets one by its DTMI.</summary>
    [Cmdlet(VerbsCommon.Get, "IoTCentralDeviceTemplate", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Models.DeviceTemplate))]
    public sealed class GetIoTCentralDeviceTemplateCommand : ListQueryCmdlet
    {
        // By value, not by property name: a piped device's Id is the device's own, so it binds through its Template.
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true)]
        [Alias("TemplateId")]
        [TemplateTransformation]
        [ValidateTemplateId]
        public string Id { get; set; } = string.Empty;

        protected override string ResourceKind => "DeviceTemplate";

        protected override void ProcessItem()
        {
            if (ParameterSetName == ByIdSet)
            {
                var id = Id;
                WriteOne((c, ct) => c.DeviceTemplates.GetAsync(id, ct), id, DeviceTemplateView.ForPowerShell);

                return;
            }

            var options = ListOptions();
            WriteAllPages((c, link, ct) => c.DeviceTemplates.ListAsync(options, link, ct), Filter, DeviceTemplateView.ForPowerShell);
        }
    }
}
