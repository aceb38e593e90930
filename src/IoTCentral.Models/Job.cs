using System;
using System.Collections.Generic;

namespace IoTCentral.Models
{
    /// <summary>A job: what it does (Data) to the devices of a group, and how far it has got (Status, Progress).</summary>
    public sealed class Job : IoTCentralObject
    {
        public Job()
        {
        }

        public Job(Uri? applicationUrl)
            : base(applicationUrl)
        {
        }

        public string Id { get; set; } = string.Empty;

        public string? DisplayName { get; set; }

        public string? Description { get; set; }

        /// <summary>The id of the device group the job runs on.</summary>
        public string Group { get; set; } = string.Empty;

        public JobBatch? Batch { get; set; }

        public JobCancellationThreshold? CancellationThreshold { get; set; }

        public JobData[] Data { get; set; } = Array.Empty<JobData>();

        public DateTimeOffset? Start { get; set; }

        public DateTimeOffset? End { get; set; }

        /// <summary>The service's status: running, stopped, completed, failed, cancelled (and others the service may add).</summary>
        public string? Status { get; set; }

        public JobProgress? Progress { get; set; }

        public string[] Organizations { get; set; } = Array.Empty<string>();

        /// <summary>The scheduled job that created this job, if any.</summary>
        public string? ScheduledJobId { get; set; }

        /// <summary>Whether the job will not change any more (completed, failed, cancelled; a stopped job may resume).</summary>
        public bool IsFinished =>
            string.Equals(Status, "completed", StringComparison.OrdinalIgnoreCase)
            || string.Equals(Status, "failed", StringComparison.OrdinalIgnoreCase)
            || string.Equals(Status, "cancelled", StringComparison.OrdinalIgnoreCase);

        internal override IEnumerable<IoTCentralObject> Parts => Data;

        public override string ToString() => Id;
    }

    /// <summary>
    /// One entry of a job's data. Type property, cloudProperty and command use Target (the device template id), Path
    /// (the capability's name, or component.name) and Value; deviceTemplateMigration uses Template.
    /// </summary>
    public sealed class JobData : IoTCentralObject
    {
        public JobData()
        {
        }

        public JobData(string type, string? target, string? path, object? value)
        {
            Type = type;
            Target = target;
            Path = path;
            Value = value;
        }

        public string Type { get; set; } = string.Empty;

        public string? Target { get; set; }

        public string? Path { get; set; }

        /// <summary>The value to write, or a command's request: a scalar, a dictionary or a list.</summary>
        public object? Value { get; set; }

        /// <summary>The device template a deviceTemplateMigration job moves the devices to.</summary>
        public string? Template { get; set; }

        public override string ToString() => Template != null ? Type + " -> " + Template : Type + " " + Path;
    }

    /// <summary>How many devices a job takes at a time: a number of devices, or a percentage of them.</summary>
    public sealed class JobBatch
    {
        public JobBatch()
        {
        }

        public JobBatch(double value, bool percentage)
        {
            Value = value;
            Percentage = percentage;
        }

        public double Value { get; set; }

        public bool Percentage { get; set; }

        public override string ToString() => Percentage ? Value + "%" : Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>How many failures cancel a job: a number or a percentage of devices, of the whole job or of each batch.</summary>
    public sealed class JobCancellationThreshold
    {
        public JobCancellationThreshold()
        {
        }

        public JobCancellationThreshold(double value, bool percentage, bool perBatch)
        {
            Value = value;
            Percentage = percentage;
            PerBatch = perBatch;
        }

        public double Value { get; set; }

        public bool Percentage { get; set; }

        public bool PerBatch { get; set; }

        public override string ToString() => (Percentage ? Value + "%" : Value.ToString(System.Globalization.CultureInfo.InvariantCulture)) + (PerBatch ? " per batch" : string.Empty);
    }

    /// <summary>How many of a job's devices are pending, completed and failed.</summary>
    public sealed class JobProgress
    {
        public int Total { get; set; }

        public int Pending { get; set; }

        public int Completed { get; set; }

        public int Failed { get; set; }

        /// <summary>Completed and failed devices as a share of the total, 0 to 100.</summary>
        public int PercentDone => Total == 0 ? 100 : (int)((Completed + Failed) * 100L / Total);

        public override string ToString() => (Completed + Failed) + "/" + Total + (Failed > 0 ? " (" + Failed + " failed)" : string.Empty);
    }

    /// <summary>The status of one device in a job.</summary>
    public sealed class JobDeviceStatus : IoTCentralObject
    {
        public JobDeviceStatus()
        {
        }

        public JobDeviceStatus(string jobId, string deviceId, string? status)
        {
            JobId = jobId;
            DeviceId = deviceId;
            Status = status;
        }

        public string JobId { get; set; } = string.Empty;

        public string DeviceId { get; set; } = string.Empty;

        public string? Status { get; set; }

        public override string ToString() => DeviceId;
    }
}
