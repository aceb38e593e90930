using System;
using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Completion;
using IoTCentral.Models;
using IoTCentral.Validation;

namespace IoTCentral.Commands.Device
{
    /// <summary>Lists devices (optionally of one template), streaming page by page, or gets one by id.</summary>
    [Cmdlet(VerbsCommon.Get, "IoTCentralDevice", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Models.Device))]
    public sealed class GetIoTCentralDeviceCommand : ListQueryCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("DeviceId")]
        [ArgumentCompleter(typeof(DeviceIdCompleter))]
        [ValidateDeviceId]
        public string Id { get; set; } = string.Empty;

        [Parameter(ParameterSetName = ListSet)]
        [ValidateTemplateId]
        public string? Template { get; set; }

        protected override string ResourceKind => "Device";

        protected override void ProcessItem()
        {
            if (ParameterSetName == ByIdSet)
            {
                var id = Id;
                WriteOne((c, ct) => c.Devices.GetAsync(id, ct), id);

                return;
            }

            try
            {
                // The template filter runs here, item by item: the GA API has no server-side filter, and sending the
                // preview options only when asked keeps the plain list on the GA api-version.
                var options = ListOptions();
                foreach (var device in ReadAllPages<Models.Device>((c, link, ct) => c.Devices.ListAsync(options, link, ct)))
                {
                    if (Template == null || string.Equals(device.Template, Template, StringComparison.Ordinal))
                    {
                        WriteObject(device);
                    }
                }
            }
            catch (IoTCentralException exception)
            {
                ReportServiceError(exception, Filter ?? Template);
            }
        }
    }
}
