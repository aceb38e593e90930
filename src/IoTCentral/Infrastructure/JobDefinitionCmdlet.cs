using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using IoTCentral.Models;
using IoTCentral.Validation;

namespace IoTCentral.Infrastructure
{
    /// <summary>
    /// What New-IoTCentralJob and New-IoTCentralScheduledJob share: the group, the job's data built from plain values
    /// (-Property, -CloudProperty, -Command, -MigrateToTemplate, or -Data entries of any type), names, batch,
    /// cancellation threshold and organization, checked before any request.
    /// </summary>
    public abstract class JobDefinitionCmdlet : IoTCentralCmdlet
    {
        public const string PropertySet = "Property";
        public const string CloudPropertySet = "CloudProperty";
        public const string CommandSet = "Command";
        public const string MigrationSet = "Migration";
        public const string DataSet = "Data";

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

        // A piped group only names where the job runs; -Session may then be any application's.
        protected override bool ActsOnPipedObjects => false;

        /// <summary>Checked once, before any job is created, so a typo never creates some jobs of a pipeline and not others.</summary>
        protected void CheckDefinition()
        {
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

        protected string[] Organizations => Organization == null ? new string[0] : new[] { Organization };

        protected JobBatch? BuildBatch() =>
            Batch != null && JobLimitText.TryParse(Batch, nameof(Batch), out var size, out var sizePercent, out _) ? new JobBatch(size, sizePercent) : null;

        protected JobCancellationThreshold? BuildThreshold() =>
            CancellationThreshold != null && JobLimitText.TryParse(CancellationThreshold, nameof(CancellationThreshold), out var limit, out var limitPercent, out _)
                ? new JobCancellationThreshold(limit, limitPercent, CancellationPerBatch.IsPresent)
                : null;

        protected JobData[] BuildData()
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
