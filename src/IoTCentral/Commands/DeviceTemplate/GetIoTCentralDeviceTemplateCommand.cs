using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Models;
using IoTCentral.Validation;

namespace IoTCentral.Commands.DeviceTemplate
{
    /// <summary>Lists the published device templates, streaming page by page, or gets one by its DTMI.</summary>
    [Cmdlet(VerbsCommon.Get, "IoTCentralDeviceTemplate", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Models.DeviceTemplate))]
    public sealed class GetIoTCentralDeviceTemplateCommand : IoTCentralCmdlet
    {
        public const string ListSet = "List";
        public const string ByIdSet = "ById";

        // By value, not by property name: a piped device's Id is the device's own, so it binds through its Template.
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true)]
        [Alias("TemplateId")]
        [TemplateTransformation]
        [ValidateTemplateId]
        public string Id { get; set; } = string.Empty;

        /// <summary>The preview's server-side filter expression (for example "displayName eq 'Thermostat'").</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? Filter { get; set; }

        /// <summary>The preview's server-side order (for example "displayName desc").</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? OrderBy { get; set; }

        /// <summary>At most this many items per response page (the preview's maxpagesize); paging continues until the list ends.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 100)]
        public int? MaxPageSize { get; set; }

        protected override string ResourceKind => "DeviceTemplate";

        protected override void ProcessItem()
        {
            if (ParameterSetName == ByIdSet)
            {
                var id = Id;
                WriteOne((c, ct) => c.DeviceTemplates.GetAsync(id, ct), id, DeviceTemplateView.ForPowerShell);

                return;
            }

            string? filter = Filter, orderBy = OrderBy;
            var maxPageSize = MaxPageSize;
            WriteAllPages((c, link, ct) => c.DeviceTemplates.ListAsync(new Engine.ListOptions(filter, orderBy, maxPageSize), link, ct), filter, DeviceTemplateView.ForPowerShell);
        }
    }
}
