using System.Collections.Generic;
using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Validation;

namespace IoTCentral.Commands.DeviceGroup
{
    /// <summary>
    /// Changes a device group with a JSON merge-patch of exactly the parameters given; -ETag makes the change
    /// conditional on the group being unchanged since it was read (IoTCentral.DeviceGroupPreconditionFailed otherwise).
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "IoTCentralDeviceGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Models.DeviceGroup))]
    public sealed class SetIoTCentralDeviceGroupCommand : IoTCentralCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("DeviceGroupId")]
        [ValidateGroupId]
        public string Id { get; set; } = string.Empty;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DisplayName { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Filter { get; set; }

        [Parameter]
        [AllowNull]
        [AllowEmptyString]
        public string? Description { get; set; }

        [Parameter]
        [OrganizationTransformation]
        [AllowNull]
        [AllowEmptyString]
        public string? Organization { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ETag { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override string ResourceKind => "DeviceGroup";

        protected override void BeginProcessing()
        {
            if (!IsBound(nameof(DisplayName)) && !IsBound(nameof(Filter)) && !IsBound(nameof(Description)) && !IsBound(nameof(Organization)))
            {
                ThrowArgumentError(ErrorIds.NoChanges, "Specify at least one change: -DisplayName, -Filter, -Description or -Organization.", null);
            }
        }

        protected override void ProcessItem()
        {
            var id = Id;
            var changes = new Dictionary<string, object?>();
            if (Filter != null)
            {
                var filter = GroupFilterText.Normalize(Filter, out var problem);
                if (filter == null)
                {
                    WriteArgumentError(ErrorIds.InvalidFilter, problem, Filter);
                    return;
                }

                changes["filter"] = filter;
            }

            PatchIfBound(changes, nameof(DisplayName), "displayName", () => DisplayName);
            PatchIfBound(changes, nameof(Description), "description", () => string.IsNullOrEmpty(Description) ? null : Description);
            PatchIfBound(changes, nameof(Organization), "organizations", () => string.IsNullOrEmpty(Organization) ? null : new[] { Organization });
            SendPatch("device group '" + id + "'", id, changes, ETag, PassThru.IsPresent, (c, ct) => c.DeviceGroups.UpdateAsync(id, changes, ct));
        }
    }
}
