using System;
using System.Linq;
using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Validation;

namespace IoTCentral.Commands.Job
{
    /// <summary>
    /// Starts a job on a device group. -Property, -CloudProperty, -Command and -MigrateToTemplate build the job's data
    /// from plain values (no JSON by hand); -Data takes job data entries of any type; -Rerun runs an existing job again
    /// on the devices where it failed.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "IoTCentralJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = PropertySet)]
    [OutputType(typeof(Models.Job))]
    public sealed class NewIoTCentralJobCommand : JobDefinitionCmdlet
    {
        public const string RerunSet = "Rerun";

        [Parameter]
        [ValidateGroupId]
        public string? Id { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = RerunSet)]
        [ValidateGroupId]
        public string? Rerun { get; set; }

        protected override string ResourceKind => "Job";

        protected override void BeginProcessing() => CheckDefinition();

        protected override void ProcessItem()
        {
            var id = string.IsNullOrEmpty(Id) ? Guid.NewGuid().ToString() : Id!;
            if (ParameterSetName == RerunSet)
            {
                var original = Rerun!;
                if (ShouldProcess("job '" + original + "'", "Run again on its failed devices as job '" + id + "'")
                    && TryCall((c, ct) => c.Jobs.RerunAsync(original, id, ct), original, out var rerun))
                {
                    WriteObject(rerun);
                }

                return;
            }

            var job = new Models.Job
            {
                Id = id,
                Group = Group,
                DisplayName = DisplayName,
                Description = Description,
                Data = BuildData(),
                Organizations = Organizations,
                Batch = BuildBatch(),
                CancellationThreshold = BuildThreshold(),
            };
            var action = "Start on device group '" + Group + "': " + string.Join(", ", job.Data.Select(d => d.ToString()));
            if (ShouldProcess("job '" + id + "'", action)
                && TryCall((c, ct) => c.Jobs.CreateAsync(job, ct), id, out var created))
            {
                WriteObject(created);
            }
        }
    }
}
