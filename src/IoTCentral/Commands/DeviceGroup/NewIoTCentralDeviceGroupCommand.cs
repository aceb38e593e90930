using System;
using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Validation;

namespace IoTCentral.Commands.DeviceGroup
{
    /// <summary>Creates a device group from a query filter; without -Id the group gets a new GUID, as groups made in the UI do.</summary>
    [Cmdlet(VerbsCommon.New, "IoTCentralDeviceGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Models.DeviceGroup))]
    public sealed class NewIoTCentralDeviceGroupCommand : IoTCentralCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("DeviceGroupId")]
        [ValidateGroupId]
        public string? Id { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string DisplayName { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Filter { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Description { get; set; }

        [Parameter]
        [OrganizationTransformation]
        [ValidateNotNullOrEmpty]
        public string? Organization { get; set; }

        protected override string ResourceKind => "DeviceGroup";

        protected override bool ActsOnPipedObjects => false;

        protected override void ProcessItem()
        {
            var filter = GroupFilterText.Normalize(Filter, out var problem);
            if (filter == null)
            {
                WriteArgumentError(ErrorIds.InvalidFilter, problem, Filter);
                return;
            }

            var group = new Models.DeviceGroup
            {
                Id = string.IsNullOrEmpty(Id) ? Guid.NewGuid().ToString() : Id!,
                DisplayName = DisplayName,
                Filter = filter,
                Description = Description,
                Organizations = Organization == null ? new string[0] : new[] { Organization },
            };
            if (ShouldProcess("device group '" + group.Id + "'", "Create with filter " + filter)
                && TryCall((c, ct) => c.DeviceGroups.CreateAsync(group, ct), group.Id, out var created))
            {
                WriteObject(created);
            }
        }
    }
}
