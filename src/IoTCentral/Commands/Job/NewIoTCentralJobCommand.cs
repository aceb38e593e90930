using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Models;
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
    public sealed class NewIoTCentralJobCommand : IoTCentralCmdlet
    {
        public const string PropertySet = "Property";
        public const string CloudPropertySet = "CloudProperty";
        public const string CommandSet = "Command";
        public const string MigrationSet = "Migration";
        public const string DataSet = "Data";
        public const string RerunSet = "Rerun";

        [Parameter]
        [ValidateGroupId]
        public string? Id { get; set; }

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PropertySet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = CloudPropertySet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = CommandSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = MigrationSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = DataSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("DeviceGroupId")]
        [GroupTransformation]
        [ValidateGroupId]
        public string Group { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = PropertySet)]
        [ValidateNotNullOrEmpty]
        public IDictionary? Property { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = CloudPropertySet)]
        [ValidateNotNullOrEmpty]
        public IDictionary? CloudProperty { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = CommandSet)]
        [ValidateNotNullOrEmpty]
        public string? Command { get; set; }

        [Parameter(ParameterSetName = CommandSet)]
        public object? Request { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = PropertySet)]
        [Parameter(Mandatory = true, ParameterSetName = CloudPropertySet)]
        [Parameter(Mandatory = true, ParameterSetName = CommandSet)]
        [TemplateTransformation]
        [ValidateTemplateId]
        public string? Template { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = MigrationSet)]
        [TemplateTransformation]
        [ValidateTemplateId]
        public string? MigrateToTemplate { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = DataSet)]
        [ValidateNotNullOrEmpty]
        public JobData[]? Data { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = RerunSet)]
        [ValidateGroupId]
        public string? Rerun { get; set; }

        [Parameter(ParameterSetName = PropertySet)]
        [Parameter(ParameterSetName = CloudPropertySet)]
        [Parameter(ParameterSetName = CommandSet)]
        [Parameter(ParameterSetName = MigrationSet)]
        [Parameter(ParameterSetName = DataSet)]
        [ValidateNotNullOrEmpty]
        public string? DisplayName { get; set; }

        [Parameter(ParameterSetName = PropertySet)]
        [Parameter(ParameterSetName = CloudPropertySet)]
        [Parameter(ParameterSetName = CommandSet)]
        [Parameter(ParameterSetName = MigrationSet)]
        [Parameter(ParameterSetName = DataSet)]
        public string? Description { get; set; }

        [Parameter(ParameterSetName = PropertySet)]
        [Parameter(ParameterSetName = CloudPropertySet)]
        [Parameter(ParameterSetName = CommandSet)]
        [Parameter(ParameterSetName = MigrationSet)]
        [Parameter(ParameterSetName = DataSet)]
        [ValidateNotNullOrEmpty]
        public string? Batch { get; set; }

        [Parameter(ParameterSetName = PropertySet)]
        [Parameter(ParameterSetName = CloudPropertySet)]
        [Parameter(ParameterSetName = CommandSet)]
        [Parameter(ParameterSetName = MigrationSet)]
        [Parameter(ParameterSetName = DataSet)]
        [ValidateNotNullOrEmpty]
        public string? CancellationThreshold { get; set; }

        [Parameter(ParameterSetName = PropertySet)]
        [Parameter(ParameterSetName = CloudPropertySet)]
        [Parameter(ParameterSetName = CommandSet)]
        [Parameter(ParameterSetName = MigrationSet)]
        [Parameter(ParameterSetName = DataSet)]
        public SwitchParameter CancellationPerBatch { get; set; }

        [Parameter(ParameterSetName = PropertySet)]
        [Parameter(ParameterSetName = CloudPropertySet)]
        [Parameter(ParameterSetName = CommandSet)]
        [Parameter(ParameterSetName = MigrationSet)]
        [Parameter(ParameterSetName = DataSet)]
        [OrganizationTransformation]
        [ValidateNotNullOrEmpty]
        public string? Organization { get; set; }

        protected override string ResourceKind => "Job";

        // A piped group only names where the job runs; -Session may then be any application's.
        protected override bool ActsOnPipedObjects => false;

        protected override void BeginProcessing()
        {
            // Checked once, before any job starts, so a typo never starts some jobs of a pipeline and not others.
            if (Batch != null && !JobLimitText.TryParse(Batch, nameof(Batch), out _, out _, out var batchProblem))
            {
                ThrowArgumentError(ErrorIds.InvalidJobData, batchProblem, Batch);
            }

            if (CancellationThreshold != null && !JobLimitText.TryParse(CancellationThreshold, nameof(CancellationThreshold), out _, out _, out var thresholdProblem))
            {
                ThrowArgumentError(ErrorIds.InvalidJobData, thresholdProblem, CancellationThreshold);
            }

            if (CancellationPerBatch.IsPresent && CancellationThreshold == null)
            {
                ThrowArgumentError(ErrorIds.InvalidJobData, "-CancellationPerBatch needs -CancellationThreshold.", null);
            }

            if (Data != null && Data.Any(d => d == null || string.IsNullOrWhiteSpace(d.Type)))
            {
                ThrowArgumentError(ErrorIds.InvalidJobData, "Every -Data entry needs a Type: property, cloudProperty, command or deviceTemplateMigration.", null);
            }
        }

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
                Organizations = Organization == null ? new string[0] : new[] { Organization },
            };
            if (Batch != null && JobLimitText.TryParse(Batch, nameof(Batch), out var size, out var sizePercent, out _))
            {
                job.Batch = new JobBatch(size, sizePercent);
            }

            if (CancellationThreshold != null && JobLimitText.TryParse(CancellationThreshold, nameof(CancellationThreshold), out var limit, out var limitPercent, out _))
            {
                job.CancellationThreshold = new JobCancellationThreshold(limit, limitPercent, CancellationPerBatch.IsPresent);
            }

            var action = "Start on device group '" + Group + "': " + string.Join(", ", job.Data.Select(d => d.ToString()));
            if (ShouldProcess("job '" + id + "'", action)
                && TryCall((c, ct) => c.Jobs.CreateAsync(job, ct), id, out var created))
            {
                WriteObject(created);
            }
        }

        private JobData[] BuildData()
        {
            switch (ParameterSetName)
            {
                case PropertySet:
                    return Entries(Property!, "property");
                case CloudPropertySet:
                    return Entries(CloudProperty!, "cloudProperty");
                case CommandSet:
                    return new[] { new JobData("command", Template, Command, PSObjectTree.FromPowerShell(Request)) };
                case MigrationSet:
                    return new[] { new JobData { Type = "deviceTemplateMigration", Template = MigrateToTemplate } };
                default:
                    return Data!.Select(d => new JobData(d.Type, d.Target ?? Template, d.Path, PSObjectTree.FromPowerShell(d.Value)) { Template = d.Template }).ToArray();
            }
        }

        /// <summary>One entry per name: "name" for a property of the device, "component.name" for one of a component.</summary>
        private JobData[] Entries(IDictionary values, string type)
        {
            var entries = new List<JobData>();
            foreach (DictionaryEntry entry in values)
            {
                entries.Add(new JobData(type, Template, Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture), PSObjectTree.FromPowerShell(entry.Value)));
            }

            return entries.ToArray();
        }
    }
}
