using System;
using System.Linq;
using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Models;
using IoTCentral.Validation;

namespace IoTCentral.Commands.ScheduledJob
{
    /// <summary>
    /// Schedules a job on a device group: -Start, optionally -Recurrence, and an end by -EndDate or -Occurrences. The
    /// job's data is built as New-IoTCentralJob builds it (-Property, -CloudProperty, -Command, -MigrateToTemplate, -Data).
    /// </summary>
    [Cmdlet(VerbsCommon.New, "IoTCentralScheduledJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = PropertySet)]
    [OutputType(typeof(Models.ScheduledJob))]
    public sealed class NewIoTCentralScheduledJobCommand : JobDefinitionCmdlet
    {
        [Parameter]
        [ValidateGroupId]
        public string? Id { get; set; }

        [Parameter(Mandatory = true)]
        public DateTimeOffset Start { get; set; }

        [Parameter]
        [ValidateSet("daily", "weekly", "monthly")]
        public string? Recurrence { get; set; }

        [Parameter]
        public DateTime? EndDate { get; set; }

        [Parameter]
        [ValidateRange(1, 999)]
        public int? Occurrences { get; set; }

        [Parameter]
        public SwitchParameter Disabled { get; set; }

        protected override string ResourceKind => "ScheduledJob";

        protected override void BeginProcessing()
        {
            CheckDefinition();
            if (ScheduleParameters.Problem(EndDate, Occurrences, needsRecurrence: Recurrence == null) is { } problem)
            {
                ThrowArgumentError(ErrorIds.InvalidSchedule, problem, null);
            }
        }

        protected override void ProcessItem()
        {
            var id = string.IsNullOrEmpty(Id) ? Guid.NewGuid().ToString() : Id!;
            var job = new Models.ScheduledJob
            {
                Id = id,
                Group = Group,
                DisplayName = DisplayName,
                Description = Description,
                Data = BuildData(),
                Organizations = Organizations,
                Batch = BuildBatch(),
                CancellationThreshold = BuildThreshold(),
                Schedule = new JobSchedule { Start = Start, Recurrence = Recurrence?.ToLowerInvariant(), EndDate = EndDate?.Date, EndOccurrences = Occurrences },
                Enabled = !Disabled.IsPresent,
            };
            var action = "Schedule " + job.Schedule + " on device group '" + Group + "': " + string.Join(", ", job.Data.Select(d => d.ToString()));
            if (ShouldProcess("scheduled job '" + id + "'", action)
                && TryCall((c, ct) => c.ScheduledJobs.CreateAsync(job, ct), id, out var created))
            {
                WriteObject(created);
            }
        }
    }
}
