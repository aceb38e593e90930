using System;
using System.Collections.Generic;
using System.Management.Automation;
using IoTCentral.Engine;
using IoTCentral.Infrastructure;
using IoTCentral.Validation;

namespace IoTCentral.Commands.ScheduledJob
{
    /// <summary>
    /// Changes a scheduled job with a JSON merge-patch of exactly the parameters given: its names, whether it is
    /// enabled, and parts of its schedule; -ETag makes the change conditional on it being unchanged since it was read.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "IoTCentralScheduledJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Models.ScheduledJob))]
    public sealed class SetIoTCentralScheduledJobCommand : IoTCentralCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ScheduledJobId")]
        [ValidateGroupId]
        public string Id { get; set; } = string.Empty;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DisplayName { get; set; }

        [Parameter]
        [AllowNull]
        [AllowEmptyString]
        public string? Description { get; set; }

        [Parameter]
        public bool Enabled { get; set; }

        [Parameter]
        public DateTimeOffset? Start { get; set; }

        [Parameter]
        [ValidateSet("daily", "weekly", "monthly")]
        public string? Recurrence { get; set; }

        [Parameter]
        public DateTime? EndDate { get; set; }

        [Parameter]
        [ValidateRange(1, 999)]
        public int? Occurrences { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ETag { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override string ResourceKind => "ScheduledJob";

        protected override void BeginProcessing()
        {
            if (!IsBound(nameof(DisplayName)) && !IsBound(nameof(Description)) && !IsBound(nameof(Enabled)) && !IsBound(nameof(Start))
                && !IsBound(nameof(Recurrence)) && !IsBound(nameof(EndDate)) && !IsBound(nameof(Occurrences)))
            {
                ThrowArgumentError(ErrorIds.NoChanges, "Specify at least one change: -DisplayName, -Description, -Enabled, -Start, -Recurrence, -EndDate or -Occurrences.", null);
            }

            if (ScheduleParameters.Problem(EndDate, Occurrences, needsRecurrence: false) is { } problem)
            {
                ThrowArgumentError(ErrorIds.InvalidSchedule, problem, null);
            }
        }

        protected override void ProcessItem()
        {
            var id = Id;
            var changes = new Dictionary<string, object?>();
            PatchIfBound(changes, nameof(DisplayName), "displayName", () => DisplayName);
            PatchIfBound(changes, nameof(Description), "description", () => string.IsNullOrEmpty(Description) ? null : Description);
            PatchIfBound(changes, nameof(Enabled), "enabled", () => Enabled);
            var schedule = ScheduledJobsOperations.SchedulePatch(Start, Recurrence?.ToLowerInvariant(), EndDate?.Date, Occurrences);
            if (schedule.Count > 0)
            {
                changes["schedule"] = schedule;
            }

            SendPatch("scheduled job '" + id + "'", id, changes, ETag, PassThru.IsPresent, (c, ct) => c.ScheduledJobs.UpdateAsync(id, changes, ct));
        }
    }
}
